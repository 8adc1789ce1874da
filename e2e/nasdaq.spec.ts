import {
  administer,
  expect,
  openAdminUser,
  PAT,
  SAM,
  signInAsAdministrator,
  test,
} from "./fixtures";
import { samEnrollsAndLogsIntoQPort } from "./nasdaq-story";

// With the mock in the page; the same story runs on the local server (nasdaq.server.spec.ts).
samEnrollsAndLogsIntoQPort();

test("Pat changes Sam's Nasdaq applications on his administration page, after Verify it's you", async ({
  page,
  mock,
}) => {
  await signInAsAdministrator(page, mock, PAT);
  await openAdminUser(page, SAM.username, "Sam Lee");
  const section = page.getByRole("region", { name: "MobilePASS token (Nasdaq)" });
  await section.getByRole("button", { name: "Edit Nasdaq applications" }).click();
  await section.getByRole("checkbox", { name: "TRACK" }).check();
  await administer(page, mock, PAT, "Submit the Order Form entry", "Order Form 12");
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: "The Nasdaq applications of Sam Lee were changed." }),
  ).toBeVisible();
  await expect(section.getByText("TRACK, Q-Port")).toBeVisible();
  expect((await mock.latest("email", SAM.username)).subject).toBe(
    "FINRA TRAQS - Nasdaq applications changed",
  );
});
