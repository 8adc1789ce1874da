import type { Page } from "@playwright/test";
import {
  activateJohn,
  expect,
  JOHN,
  layoutShift,
  PAT,
  signInAsAdministrator,
  signInAsJdoe01,
  test,
} from "./fixtures";

/** Every answer of the API a moment late, as over a real network: each screen's wait is painted. */
async function slowApi(page: Page) {
  await page.route("**/api/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.fallback();
  });
}

// Each screen below paints its frame and opening text before its data (decision 034); the data
// then fills in under them, and what was already shown stays where it was.
test("Recovery codes, the MobilePASS enrollment, the Order Form and Firm fill in without moving anything", async ({
  page,
  mock,
}) => {
  await activateJohn(page, mock);
  await mock.setUpRequiredMethodsThroughApi(JOHN.password);
  await slowApi(page);
  await page.goto("/enroll/recovery-codes");
  await expect(page.getByRole("list", { name: "Your recovery codes" })).toBeVisible();
  expect(await layoutShift(page)).toBe(0);

  await page.context().clearCookies();
  await signInAsJdoe01(page, mock);
  await page.goto("/nasdaq/enroll");
  await expect(page.getByText("No MobilePASS token has been issued to you yet")).toBeVisible();
  expect(await layoutShift(page)).toBe(0);

  await page.context().clearCookies();
  await signInAsAdministrator(page, mock, PAT);
  await page.goto("/admin/order-form");
  await expect(page.getByLabel("Individual email address")).toBeVisible();
  expect(await layoutShift(page)).toBe(0);
  await page.goto("/admin/firm");
  await expect(page.getByRole("heading", { name: "NTF test period" })).toBeVisible();
  expect(await layoutShift(page)).toBe(0);
});
