import type { Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import {
  expect,
  expectAccessible,
  JANE,
  SAM,
  signInAsJdoe01,
  test,
  type MockBackend,
  openFromMainMenu,
} from "./fixtures";

/**
 * The user signs in (over the API: sign-in.spec.ts drives the sign-in screens, Jane's choice of
 * username and Sam going straight into TRAQS with his one), then opens API / Download / Manual from
 * the Main Menu.
 */
async function openManual(
  page: Page,
  mock: MockBackend,
  user: { username: string; password: string; totpKey: string } = JANE,
) {
  if (user === JANE) await signInAsJdoe01(page, mock);
  else {
    await page.goto("/signin");
    await mock.signInThroughApi(user);
    await page.goto("/traqs");
  }
  await openFromMainMenu(page, "Manual");
  await expect(page.getByRole("heading", { name: "API / Download / Manual" })).toBeVisible();
}

/** Clicks Download and returns the saved file's name and lines. */
async function download(page: Page) {
  const saved = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download", exact: true }).click();
  const file = await saved;
  await expect(page.getByText("DOWNLOAD COMPLETE.")).toBeVisible();
  const text = await readFile((await file.path()) ?? "", "utf8");
  return { name: file.suggestedFilename(), lines: text.trim().split("\n") };
}

test("Jane downloads a Daily List for a day; Delta then returns only what changed since", async ({
  page,
  mock,
}) => {
  await openManual(page, mock);
  await expectAccessible(page);
  await page.getByLabel("Action").selectOption({ label: "Download" });
  await page.getByLabel("Facility").selectOption({ label: "TRACE – CA" });
  await page.getByLabel("File").selectOption({ label: "Daily List" });
  const { now } = await mock.clock();
  const yesterday = new Date(Date.parse(now) - 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Day").fill(yesterday);
  const daily = await download(page);
  expect(daily.name).toBe(`TRACE-CA_daily-list_${yesterday}_download.csv`);
  expect(daily.lines[0]).toBe("CUSIP,Symbol,Issuer,Coupon,Maturity,Grade,Effective Date,Action");

  // Delta has no Day (guide Section 4): the field is disabled and shows no date; the day chosen
  // comes back with Download.
  await page.getByLabel("Action").selectOption({ label: "Delta" });
  await expect(page.getByLabel("Day")).toBeDisabled();
  await expect(page.getByLabel("Day")).toHaveValue("");
  await page.getByLabel("Action").selectOption({ label: "Download" });
  await expect(page.getByLabel("Day")).toHaveValue(yesterday);
  await page.getByLabel("Action").selectOption({ label: "Delta" });

  // The security master in full, then three days later only its changed rows.
  await page.getByLabel("Action").selectOption({ label: "Download" });
  await page.getByLabel("File").selectOption({ label: "Corporate and Agency Security Master" });
  await expect(page.getByLabel("Day")).toBeDisabled();
  const before = await download(page);
  expect(before.lines.length).toBe(41);
  // Three days later (a new sign-in: the session has long ended), only the changed rows.
  await mock.advanceClock(3 * 86_400);
  await openManual(page, mock);
  await page.getByLabel("File").selectOption({ label: "Corporate and Agency Security Master" });
  await page.getByLabel("Action").selectOption({ label: "Delta" });
  const delta = await download(page);
  expect(delta.name).toMatch(/_delta\.csv$/);
  await page.getByLabel("Action").selectOption({ label: "Download" });
  const after = await download(page);
  const changed = after.lines.slice(1).filter((line) => !before.lines.includes(line));
  expect(delta.lines.slice(1).sort()).toEqual(changed.sort());
  expect(delta.lines.length).toBeLessThan(after.lines.length);
});

test("Facilities the user is not entitled to say so; Sam has no API access at all", async ({
  page,
  mock,
}) => {
  await openManual(page, mock, SAM);
  await expect(page.getByText("Your TRAQS username is not authorized for API.")).toBeVisible();
  await expectAccessible(page);
  await openFromMainMenu(page, "Programmatic");
  await expect(page.getByText("Your TRAQS username is not authorized for API.")).toBeVisible();
  const status = await page.evaluate(
    async () =>
      (await fetch("/api/traqs/api/download?facility=ADF&file=daily-list&action=download")).status,
  );
  expect(status).toBe(403);
});
