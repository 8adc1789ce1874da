import { expect, expectAccessible, JANE, signInAsJdoe01, test, openFromMainMenu } from "./fixtures";

test("A session that ends mid-task sends the user to sign in, then back to the same page", async ({
  page,
  mock,
}) => {
  await signInAsJdoe01(page, mock);
  await openFromMainMenu(page, "Manual");
  await expect(page.getByRole("heading", { name: "API / Download / Manual" })).toBeVisible();

  await mock.advanceClock(121 * 60); // idle longer than the session lasts
  await page.getByRole("button", { name: "Download", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await expect(page).toHaveURL(/\/signin\?from=%2Ftraqs%2Fapi%2Fdownload%2Fmanual/);
  await expectAccessible(page);

  await page.getByLabel("Username (email address)").fill(JANE.username);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Password", { exact: true }).fill(JANE.password);
  await page.getByRole("button", { name: "Verify" }).click();
  await page.getByLabel("Enter code").fill(await mock.totp(JANE.totpKey));
  await page.getByRole("button", { name: "Verify" }).click();
  await page.getByLabel("Username", { exact: true }).selectOption("JDOE01");
  await page.getByRole("button", { name: "Select" }).click();
  await expect(page.getByRole("heading", { name: "API / Download / Manual" })).toBeVisible();
});
