import { expect, layoutShift, signInAsJdoe01, test } from "./fixtures";

test("Settings opened by its address goes from “Loading…” to “Verify it's you” without moving anything", async ({
  page,
  mock,
}) => {
  await signInAsJdoe01(page, mock);
  await page.goto("/settings");
  await expect(
    page.getByRole("heading", { name: "Verify it's you with a security method" }),
  ).toBeVisible();
  expect(await layoutShift(page)).toBe(0);
});
