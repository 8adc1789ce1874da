import type { Page } from "@playwright/test";
import {
  expect,
  fillNewPassword,
  expectAccessible,
  JANE,
  lockJane,
  signInToFactorStep,
  test,
  verifyWithJanesCode,
  expectRecentPasswordRefused,
} from "./fixtures";

/** "Unlock account?" or "Forgot password?" up to "Send me an email". */
async function startRecovery(
  page: Page,
  link: "Unlock account?" | "Forgot password?",
  username: string,
) {
  await page.goto("/signin");
  await page.getByRole("link", { name: link }).click();
  await expect(
    page.getByRole("heading", {
      name: link === "Unlock account?" ? "Unlock account?" : "Reset your password",
    }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Username (email address)").fill(username);
  await page.getByRole("button", { name: link === "Unlock account?" ? "Select" : "Next" }).click();
  await expect(page.getByRole("heading", { name: "Get a verification email" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send me an email" }).click();
  await expect(page.getByRole("heading", { name: "Verify with your email" })).toBeVisible();
}

/** The new password, then the hand-over: email is not an authenticator, so a method is asked. */
async function resetPasswordAndHandOver(page: Page) {
  await fillNewPassword(page, "Recovered-Secret-2031");
  await page.getByRole("button", { name: "Reset Password" }).click();
  await expect(
    page.getByRole("heading", { name: "Verify with Google Authenticator" }),
  ).toBeVisible();
  await expect(page.getByText("Your password was reset.")).toBeVisible();
}

test("Jane, locked out, unlocks with the emailed code and her security question, then signs in", async ({
  page,
  mock,
}) => {
  await lockJane(page);
  expect((await mock.latest("email", JANE.username)).subject).toBe("FINRA TRAQS - Account Locked");
  await page.getByRole("link", { name: "Unlock account?" }).first().click();
  await expect(page.getByRole("heading", { name: "Unlock account?" })).toBeVisible();

  await startRecovery(page, "Unlock account?", JANE.username);
  await expect(page.getByRole("button", { name: "Send again" })).toBeDisabled();
  await expectAccessible(page);
  const email = await mock.latest("email", JANE.username);
  expect(email.subject).toBe("FINRA TRAQS - Account Unlock Requested");
  expect(email.text).toContain("This link expires in 5 minutes.");
  await page.getByRole("button", { name: "Enter a verification code instead" }).click();
  await page.getByLabel("Enter Code").fill(email.code ?? "");
  await page.getByRole("button", { name: "Verify" }).click();

  await expect(
    page.getByRole("heading", { name: "Verify with your Security Question" }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("What is the name of your first stuffed animal?").fill("Bear");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toContainText("That answer is not right.");
  await page.getByLabel("What is the name of your first stuffed animal?").fill("rex");
  await page.getByRole("button", { name: "Verify" }).click();

  await expect(page.getByRole("heading", { name: "Verify with your password" })).toBeVisible();
  await expect(
    page.getByText(
      "Account successfully unlocked! Verify your account with a security method to continue.",
    ),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Password", { exact: true }).fill(JANE.password);
  await page.getByRole("button", { name: "Verify" }).click();
  await verifyWithJanesCode(page, mock);
  await expect(page.getByRole("heading", { name: "Select a username" })).toBeVisible();
});

test("A lockout clears itself after 15 minutes on the mock clock", async ({ page, mock }) => {
  await lockJane(page);
  await mock.advanceClock(14 * 60);
  await page.getByLabel("Password", { exact: true }).fill(JANE.password);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toContainText("Your account is locked");
  await mock.advanceClock(60);
  await page.getByLabel("Password", { exact: true }).fill(JANE.password);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(
    page.getByRole("heading", { name: "Verify with Google Authenticator" }),
  ).toBeVisible();
});

test("An unlock code used after 6 minutes is refused; the emailed link also works in another tab", async ({
  page,
  mock,
  context,
}) => {
  // The browser's clock, so that the 30-second wait before "Send again" can be skipped.
  await page.clock.install();
  await startRecovery(page, "Unlock account?", JANE.username);
  const first = await mock.latest("email", JANE.username);
  await mock.advanceClock(6 * 60);
  await page.getByRole("button", { name: "Enter a verification code instead" }).click();
  await page.getByLabel("Enter Code").fill(first.code ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toContainText("That code has expired");

  const sendAgain = page.getByRole("button", { name: "Send again" });
  await expect(sendAgain).toBeDisabled();
  await page.clock.fastForward("00:30");
  await sendAgain.click();
  const second = await mock.latest("email", JANE.username, 1);
  expect(second.code).not.toBe(first.code);
  const emailTab = await context.newPage();
  await emailTab.goto(second.link ?? "");
  await expect(
    emailTab.getByRole("heading", { name: "Verify with your Security Question" }),
  ).toBeVisible();
  await expect(emailTab).toHaveURL(/\/signin\/recovery$/); // the token has left the address bar
});

test("Forgot password: email link, security question, new password, then a security method", async ({
  page,
  mock,
}) => {
  await startRecovery(page, "Forgot password?", JANE.username);
  const email = await mock.latest("email", JANE.username);
  expect(email.subject).toBe("FINRA TRAQS - Password Reset Requested");
  expect(email.text).toContain("This link expires in 8 hours.");
  await page.goto(email.link ?? "");
  await page.getByLabel("What is the name of your first stuffed animal?").fill("Rex");
  await page.getByRole("button", { name: "Verify" }).click();

  await expectRecentPasswordRefused(page);
  await resetPasswordAndHandOver(page);
  await expectAccessible(page);
  await verifyWithJanesCode(page, mock);
  await expect(page.getByRole("heading", { name: "Select a username" })).toBeVisible();
  expect((await mock.latest("email", JANE.username)).subject).toBe("FINRA TRAQS - Password reset");
});

test("Forgot password with the emailed code, in the same page as Sign In, hands over to the security method", async ({
  page,
  mock,
}) => {
  // No reload on the way: the page still remembers the sign-in it showed first.
  await startRecovery(page, "Forgot password?", JANE.username);
  const email = await mock.latest("email", JANE.username);
  await page.getByRole("button", { name: "Enter a verification code instead" }).click();
  await page.getByLabel("Enter Code").fill(email.code ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await page.getByLabel("What is the name of your first stuffed animal?").fill("Rex");
  await page.getByRole("button", { name: "Verify" }).click();
  await resetPasswordAndHandOver(page);
});

test("An unknown username gets the same unlock screens as a known one, and no email", async ({
  page,
  mock,
}) => {
  await page.goto("/signin");
  const before = (await mock.outbox()).length;
  await startRecovery(page, "Unlock account?", "nobody.here@yourfirm.org");
  await expect(page.getByText("We sent you a verification email.")).toBeVisible();
  expect((await mock.outbox()).length).toBe(before);
  await page.getByRole("button", { name: "Enter a verification code instead" }).click();
  await page.getByLabel("Enter Code").fill("123456");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toContainText("That code is not right.");
});

test("The new password after a reset signs in, the old one is refused", async ({ page, mock }) => {
  await startRecovery(page, "Forgot password?", JANE.username);
  await page.goto((await mock.latest("email", JANE.username)).link ?? "");
  await page.getByLabel("What is the name of your first stuffed animal?").fill("Rex");
  await page.getByRole("button", { name: "Verify" }).click();
  await fillNewPassword(page, "Recovered-Secret-2031");
  await page.getByRole("button", { name: "Reset Password" }).click();
  await expect(
    page.getByRole("heading", { name: "Verify with Google Authenticator" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Back to sign in" }).click();
  await signInToFactorStep(page, JANE);
  await expect(page.getByRole("alert")).toContainText("Unable to sign in");
  await page.getByRole("button", { name: "Back to sign in" }).click();
  await signInToFactorStep(page, { username: JANE.username, password: "Recovered-Secret-2031" });
  await expect(
    page.getByRole("heading", { name: "Verify with Google Authenticator" }),
  ).toBeVisible();
});
