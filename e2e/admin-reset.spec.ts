import type { Page } from "@playwright/test";
import {
  administer,
  expect,
  expectAccessible,
  HANK,
  type MockBackend,
  openAdminUser,
  SAM,
  shownKey,
  signInAsAdministrator,
  signInToFactorStep,
  signOut,
  test,
  setUpSecurityQuestion,
} from "./fixtures";

/**
 * Sam lost his phone (issue 16): the help desk resets his security methods; his next sign-in takes
 * his password and a code sent to his primary email, then the guide's set-up.
 */

/** How many emails Sam has had so far: the next one is found after them. */
async function samsEmails(mock: MockBackend): Promise<number> {
  return (await mock.outbox()).filter((m) => m.channel === "email" && m.to === SAM.username).length;
}

/** Hank resets Sam's methods and signs out; Sam's browser then starts at the sign-in page. */
async function helpDeskResetsSam(page: Page, mock: MockBackend) {
  await signInAsAdministrator(page, mock, HANK);
  await openAdminUser(page, "sam.lee", "Sam Lee");
  await administer(page, mock, HANK, "Reset security methods", "Sam lost his phone");
  await expect(
    page.getByRole("status").filter({ hasText: "The security methods of Sam Lee were reset." }),
  ).toBeVisible();
  await signOut(page, "Hank Help");
}

/** Sam's password: the emailed-code step, which names his masked address. */
async function samReachesTheEmailedCode(page: Page) {
  await signInToFactorStep(page, SAM);
  await expect(page.getByRole("heading", { name: "Verify with your email" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "s***@yourfirm.org" })).toContainText(
    "An administrator reset your security methods. We sent a verification code to s***@yourfirm.org",
  );
}

test("After the help desk resets Sam's methods, he signs in with his password and the emailed code, then sets up Google Authenticator", async ({
  page,
  mock,
}) => {
  test.slow(); // an administrator's change, then a sign-in and a set-up
  await helpDeskResetsSam(page, mock);
  const before = await samsEmails(mock);
  await samReachesTheEmailedCode(page);
  const email = await mock.latest("email", SAM.username, before);
  expect(email.subject).toBe("FINRA TRAQS - Sign-in verification code");
  expect(email.code).toMatch(/^\d{6}$/);
  await expectAccessible(page);

  // A wrong code is refused, clearly; the step stays.
  const wrong = email.code === "000000" ? "111111" : "000000";
  await page.getByLabel("Enter Code").fill(wrong);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toContainText("That code is not right.");
  await expect(page.getByRole("heading", { name: "Verify with your email" })).toBeVisible();
  await expectAccessible(page);

  // The emailed code: on to the guide's set-up, where his security question is required again.
  await page.getByLabel("Enter Code").fill(email.code ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Set up security methods" })).toBeVisible();
  const required = page.getByRole("region", { name: "Set up required" });
  await expect(required.getByRole("link", { name: "Set up Security Question" })).toBeVisible();
  await expect(required.getByRole("link", { name: "Set up Password" })).toHaveCount(0);
  await setUpSecurityQuestion(page);

  // Google Authenticator on his new phone: the code computed from the key shown.
  await page.getByRole("link", { name: "Set up Google Authenticator" }).click();
  await expect(page.getByRole("heading", { name: "Scan barcode" })).toBeVisible();
  await page.getByRole("button", { name: "Can't scan?" }).click();
  const key = await shownKey(page);
  expect(key).not.toBe(SAM.totpKey); // a new secret, not the lost phone's
  await page.getByRole("link", { name: "Next" }).click();
  await page.getByLabel("Enter code").fill(await mock.totp(key));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Google Authenticator is set up." }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Set up later" }).click();
  // SLEE01 is his only TRAQS username: he is signed in and in TRAQS.
  await expect(page.getByText("You are now using the credentials of SLEE01.")).toBeVisible();
});

test("The emailed code's Send again waits, then a new code replaces the first", async ({
  page,
  mock,
}) => {
  await helpDeskResetsSam(page, mock);
  // The browser's clock, so that the 30-second wait before "Send again" can be skipped.
  await page.clock.install();
  const before = await samsEmails(mock);
  await samReachesTheEmailedCode(page);
  const first = await mock.latest("email", SAM.username, before);

  const sendAgain = page.getByRole("button", { name: "Send again" });
  await expect(page.getByText("Haven't received an email?")).toBeVisible();
  await expect(sendAgain).toBeDisabled();
  await page.clock.fastForward("00:30");
  await mock.advanceClock(30); // the backend's wait is over too
  await sendAgain.click();
  const second = await mock.latest("email", SAM.username, before + 1);
  expect(second.code).toMatch(/^\d{6}$/);
  expect(second.code).not.toBe(first.code);
  // The wait starts again for the new code.
  await expect(sendAgain).toBeDisabled();

  // The first code no longer works; the new one does.
  await page.getByLabel("Enter Code").fill(first.code ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toContainText("That code is not right.");
  await page.getByLabel("Enter Code").fill(second.code ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Set up security methods" })).toBeVisible();
});
