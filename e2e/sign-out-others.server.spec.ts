import {
  expect,
  fillNewPassword,
  MockBackend,
  signInAsJdoe01,
  test,
  verifyWithJanesCode,
  confirmWithPasswordAndCode,
} from "./fixtures";

// Two browsers share the local mock server: one test at a time, from the seed.

test("Resetting the password with 'Sign me out of all other devices' ends the session in another browser", async ({
  page,
  mock,
  browser,
}) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const otherMock = new MockBackend(otherPage, false);
  await signInAsJdoe01(page, mock);
  await signInAsJdoe01(otherPage, otherMock);

  await page.goto("/settings");
  await page.getByRole("button", { name: "Select Google Authenticator" }).click();
  await verifyWithJanesCode(page, mock);
  await page.getByRole("button", { name: "Reset Password" }).click();
  await confirmWithPasswordAndCode(page, mock);
  await fillNewPassword(page, "Brand-New-Secret-77");
  await page.getByLabel("Sign me out of all other devices").check();
  await page.getByRole("button", { name: "Reset Password" }).click();
  await expect(page.getByText("Successfully reset your password.")).toBeVisible();

  // The other browser's session ended on the server; this one goes on.
  await otherPage.goto("/traqs");
  await expect(otherPage.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await page.goto("/traqs");
  await expect(page.getByText("You are now using the credentials of JDOE01.")).toBeVisible();
  await other.close();
});
