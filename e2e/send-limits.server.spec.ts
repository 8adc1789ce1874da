import type { Page } from "@playwright/test";
import { expect, expectAccessible, JANE, signInToFactorStep, test } from "./fixtures";

// Sending limits hold per account and method, across browsers: two browsers on one local server.

/** From the second-factor step to Jane's phone, then "Receive a code via SMS". */
async function askForAnSms(page: Page) {
  await signInToFactorStep(page, JANE);
  await page.getByRole("link", { name: "Verify with something else" }).click();
  await page.getByRole("button", { name: "Select Phone +1 XXX-XXX-0143" }).click();
  await expect(page.getByRole("heading", { name: "Verify with your phone" })).toBeVisible();
  await page.getByRole("button", { name: "Receive a code via SMS" }).click();
}

test("A second browser asking for Jane's SMS within 30 seconds is told how long to wait", async ({
  page,
  browser,
}) => {
  await askForAnSms(page);
  await expect(
    page.getByText("A code was sent to your phone. Enter the code below to verify."),
  ).toBeVisible();

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await askForAnSms(otherPage);
  const alert = otherPage.getByRole("alert");
  await expect(alert).toHaveText(/^Please wait (\d+) seconds before asking again\.$/);
  const seconds = Number(/\d+/.exec((await alert.textContent()) ?? "")?.[0]);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(30);
  // Nothing was sent: the screen still offers to send, and no code was asked for.
  await expect(otherPage.getByRole("button", { name: "Receive a code via SMS" })).toBeVisible();
  await expect(otherPage.getByLabel("Enter Code")).toHaveCount(0);
  await expectAccessible(otherPage);
  await other.close();
});
