import type { BrowserContext, Page } from "@playwright/test";
import {
  expect,
  expectAccessible,
  fillNewPassword,
  HANK,
  type MockBackend,
  SAM,
  signInWithAuthenticator,
  test,
} from "./fixtures";

const TWO_FA_PASSWORD = "Nasdaq-2fa-Pass-77";
const GENERIC = "Login failed. Check your User Name, 2FA-Password and Passcode.";

/**
 * The help desk (Hank) takes one MobilePASS action on Sam's administration page: the button, a
 * reason, then Hank's own "Verify it's you" (password and his authenticator's next code).
 */
async function helpDeskActsOnSam(page: Page, mock: MockBackend, action: string, done: RegExp) {
  await page.goto("/signin");
  await mock.advanceClock(30); // Hank's next code
  await signInWithAuthenticator(page, mock, HANK);
  // Hank has no TRAQS username: his sign-in ends on "Select a username"; his session is open.
  await expect(page.getByRole("heading", { name: "Select a username" })).toBeVisible();
  await page.goto("/admin/users");
  await page.getByRole("searchbox", { name: "Search" }).fill(SAM.username);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByRole("link", { name: "Sam Lee" }).click();
  const section = page.getByRole("region", { name: "MobilePASS token (Nasdaq)" });
  await section.getByRole("button", { name: action }).click();
  await page.getByRole("dialog").getByLabel("Reason").fill("Ticket 4711");
  await page.getByRole("dialog").getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Password", { exact: true }).fill(HANK.password);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await mock.advanceClock(30);
  await page.getByLabel("Enter code").fill(await mock.totp(HANK.totpKey));
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: done })).toBeVisible();
  // Hank leaves as a person would: the next person uses the same browser.
  await signOut(page, "Hank Help");
}

/** Signs out of the Okta dashboard through the user menu. */
async function signOut(page: Page, name: string) {
  await page.getByRole("button", { name }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
}

/** The development inbox's MobilePASS app: the passcode it shows for Sam's token now. */
async function phonePasscode(phone: Page): Promise<string> {
  await phone.reload();
  const row = phone.getByRole("listitem").filter({ hasText: `${SAM.username}, token` });
  const passcode = (await row.locator("strong").textContent()) ?? "";
  expect(passcode).toMatch(/^\d{6}$/);
  return passcode;
}

async function logIn(page: Page, password: string, passcode: string) {
  await page.getByLabel("User Name").fill(SAM.username);
  await page.getByLabel("2FA-Password", { exact: true }).fill(password);
  await page.getByLabel("Passcode").fill(passcode);
  await page.getByRole("button", { name: "Log in" }).click();
}

async function openPhone(context: BrowserContext): Promise<Page> {
  const phone = await context.newPage();
  await phone.goto("/dev/inbox");
  await expect(phone.getByRole("heading", { name: "MobilePASS on this phone" })).toBeVisible();
  return phone;
}

test("the help desk issues Sam a MobilePASS token; Sam enrolls it and logs into Q-Port on the one-screen window", async ({
  page,
  context,
  mock,
}) => {
  test.slow(); // two administrators' verifications, an enrollment and eight logins
  await helpDeskActsOnSam(page, mock, "Issue MobilePASS token", /MobilePASS token was issued/);

  // The email: a self-enrollment link with the activation code.
  const email = await mock.latest("email", SAM.username);
  expect(email.subject).toBe("Nasdaq 2FA - Your MobilePASS token");
  expect(email.text).toContain("Q-Port");
  await page.goto(email.link ?? "");
  // Without a session the link goes to Sign In, which returns to the enrollment afterwards.
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await expect(page).toHaveURL(/\/signin\?from=/);
  // The Okta sign-in confirms the account, then the enrollment goes on.
  await signInWithAuthenticator(page, mock, SAM);
  await expect(page.getByRole("heading", { name: "Activate your MobilePASS token" })).toBeVisible();
  await expect(page.getByLabel("Activation code")).toHaveValue(email.code ?? "");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Activate" }).click();

  await expect(page.getByRole("heading", { name: "Set your 2FA-Password" })).toBeVisible();
  await expectAccessible(page);
  await fillNewPassword(page, TWO_FA_PASSWORD);
  await page.getByRole("button", { name: "Set 2FA-Password" }).click();

  await expect(
    page.getByRole("heading", { name: "Add the token to the MobilePASS app" }),
  ).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code of the MobilePASS token/ })).toBeVisible();
  await expectAccessible(page);
  const activation = page.getByRole("group", {
    name: "Activation string to type in the MobilePASS app",
  });
  const activationString = (await activation.locator("code").textContent()) ?? "";
  expect(activationString.replaceAll(" ", "")).toMatch(/^[A-Z2-7]{32}$/);

  // The development inbox plays the MobilePASS app: it takes the activation string.
  const phone = await openPhone(context);
  // The inbox's app section may still be mounting: type again until the field keeps the string.
  await expect(async () => {
    await phone.getByLabel("Activation string").fill(activationString);
    await expect(phone.getByRole("button", { name: "Add token" })).toBeEnabled({ timeout: 1000 });
  }).toPass();
  await phone.getByRole("button", { name: "Add token" }).click();
  await expectAccessible(phone);
  await page.getByLabel("Passcode").fill(await phonePasscode(phone));
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(
    page.getByRole("heading", { name: "Your MobilePASS token is enrolled" }),
  ).toBeVisible();
  await expectAccessible(page);

  // The one-screen window, in a session of its own.
  await page.getByRole("link", { name: "Log in to Q-Port" }).click();
  await expect(page.getByRole("heading", { name: "Two-Factor Authentication" })).toBeVisible();
  await expectAccessible(page);
  await mock.advanceClock(30);
  const passcode = await phonePasscode(phone);
  await logIn(page, TWO_FA_PASSWORD, passcode);
  await expect(page.getByRole("heading", { name: "Q-Port", level: 1 })).toBeVisible();
  await expect(page.getByText("Logged in as Sam Lee.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Two-Factor Authentication" })).toBeVisible();

  // A reused passcode, a wrong 2FA-Password and a wrong passcode: the same message.
  await logIn(page, TWO_FA_PASSWORD, passcode);
  await expect(page.getByRole("alert")).toHaveText(GENERIC);
  await mock.advanceClock(30);
  const next = await phonePasscode(phone);
  await logIn(page, "Wrong-Passw0rd-99", next);
  await expect(page.getByRole("alert")).toHaveText(GENERIC);
  await logIn(page, TWO_FA_PASSWORD, next === "123456" ? "654321" : "123456");
  await expect(page.getByRole("alert")).toHaveText(GENERIC);

  // Five failures lock the login (with an email), even to the right three.
  await logIn(page, "Wrong-Passw0rd-99", "123456");
  await logIn(page, "Wrong-Passw0rd-99", "123456");
  await expect(page.getByRole("alert")).toHaveText(GENERIC);
  await logIn(page, TWO_FA_PASSWORD, next);
  await expect(page.getByRole("alert")).toContainText("This login is locked");
  expect((await mock.latest("email", SAM.username)).subject).toBe("Nasdaq 2FA - Login locked");

  // After 15 minutes it opens again; then the help desk revokes the token, and it stops at once.
  await mock.advanceClock(15 * 60);
  // Sam's Okta sign-in of the enrollment is still open in this browser: he signs out first.
  await page.goto("/");
  await signOut(page, "Sam Lee");
  await helpDeskActsOnSam(page, mock, "Revoke MobilePASS token", /was revoked/);
  await page.goto("/nasdaq/login?app=q-port");
  await mock.advanceClock(30);
  await logIn(page, TWO_FA_PASSWORD, await phonePasscode(phone));
  await expect(page.getByRole("alert")).toHaveText(GENERIC);
});
