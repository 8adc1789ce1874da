import type { BrowserContext, Page } from "@playwright/test";
import {
  administer,
  expect,
  expectAccessible,
  fillNewPassword,
  HANK,
  type MockBackend,
  openAdminUser,
  SAM,
  signInAsAdministrator,
  signInWithAuthenticator,
  signOut,
  test,
} from "./fixtures";

const TWO_FA_PASSWORD = "Nasdaq-2fa-Pass-77";
const GENERIC = "Login failed. Check your User Name, 2FA-Password and Passcode.";

/**
 * The help desk (Hank) takes one MobilePASS action on Sam's administration page: the button, a
 * reason, then Hank's own "Verify it's you"; then he signs out (the next person uses this browser).
 */
async function helpDeskActsOnSam(page: Page, mock: MockBackend, action: string, done: RegExp) {
  await signInAsAdministrator(page, mock, HANK);
  await openAdminUser(page, SAM.username, "Sam Lee");
  await administer(page, mock, HANK, action, "Ticket 4711");
  await expect(page.getByRole("status").filter({ hasText: done })).toBeVisible();
  await signOut(page, "Hank Help");
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

/** A phone's window (as in phone-layout.spec.ts): Sam enrolls and logs in on his phone. */
const PHONE = { width: 390, height: 844 };

/** Nothing on the page sticks out of the window: no sideways scrolling. */
async function expectNoSidewaysScrolling(page: Page) {
  const widths = await page.evaluate(() => {
    const { clientWidth, scrollWidth } = document.documentElement;
    return { clientWidth, scrollWidth };
  });
  expect(widths.scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(
    widths.clientWidth,
  );
}

/**
 * Issue 17's story, on either backend (`e2e/nasdaq.spec.ts` in the page, `e2e/nasdaq.server.spec.ts`
 * on the local server): the help desk issues Sam (entitled to Q-Port) a token → the email → Sam
 * enrolls with the inbox's MobilePASS app → logs into Q-Port; a reused passcode, a wrong
 * 2FA-Password and a wrong passcode give one message; five failures lock; the token Sam removes in
 * Settings (after his password and a method) stops.
 * With the mock in the page, Sam's screens are on a phone (390 px), each checked for sideways
 * scrolling and by axe; on the local server they are not checked again: the same build's screens.
 */
export function samEnrollsAndLogsIntoQPort() {
  test("the help desk issues Sam a MobilePASS token; Sam enrolls it and logs into Q-Port on the one-screen window", async ({
    page,
    context,
    mock,
  }, testInfo) => {
    test.slow(); // the help desk's verification, an enrollment, eight logins and Settings' Remove
    const inPage = testInfo.project.name !== "mock-server";
    const checkScreen = async (screen: Page) => {
      if (!inPage) return;
      await expectNoSidewaysScrolling(screen);
      await expectAccessible(screen);
    };
    await helpDeskActsOnSam(page, mock, "Issue MobilePASS token", /MobilePASS token was issued/);

    if (inPage) await page.setViewportSize(PHONE);

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
    await expect(
      page.getByRole("heading", { name: "Activate your MobilePASS token" }),
    ).toBeVisible();
    await expect(page.getByLabel("Activation code")).toHaveValue(email.code ?? "");
    await checkScreen(page);
    await page.getByRole("button", { name: "Activate" }).click();

    // The card's title stays; the next step's heading takes focus, so a screen reader hears it.
    await expect(page.getByRole("heading", { name: "Set your 2FA-Password" })).toBeFocused();
    await checkScreen(page);
    await fillNewPassword(page, TWO_FA_PASSWORD);
    await page.getByRole("button", { name: "Set 2FA-Password" }).click();

    await expect(
      page.getByRole("heading", { name: "Add the token to the MobilePASS app" }),
    ).toBeVisible();
    await expect(page.getByRole("img", { name: /QR code of the MobilePASS token/ })).toBeVisible();
    await checkScreen(page);
    const activation = page.getByRole("group", {
      name: "Activation string to type in the MobilePASS app",
    });
    const activationString = (await activation.locator("code").textContent()) ?? "";
    expect(activationString.replaceAll(" ", "")).toMatch(/^[A-Z2-7]{32}$/);

    // The development inbox plays the MobilePASS app: it takes the activation string, typed
    // as soon as the prerendered field shows (the app keeps it once it runs).
    const phone = await openPhone(context);
    await phone.getByLabel("Activation string").fill(activationString);
    await phone.getByRole("button", { name: "Add token" }).click();
    await expect(phone.getByLabel("Activation string")).toHaveValue("");
    await checkScreen(phone);
    await page.getByLabel("Passcode").fill(await phonePasscode(phone));
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    await expect(
      page.getByRole("heading", { name: "Your MobilePASS token is enrolled" }),
    ).toBeVisible();
    await checkScreen(page);

    // The one-screen window, in a session of its own.
    await page.getByRole("link", { name: "Log in to Q-Port" }).click();
    await expect(page.getByRole("heading", { name: "Two-Factor Authentication" })).toBeVisible();
    await checkScreen(page);
    await mock.advanceClock(30);
    const passcode = await phonePasscode(phone);
    await logIn(page, TWO_FA_PASSWORD, passcode);
    await expect(page.getByRole("heading", { name: "Q-Port", level: 1 })).toBeVisible();
    await expect(page.getByText("Logged in as Sam Lee.")).toBeVisible();
    await checkScreen(page);
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

    // After 15 minutes it opens again. Sam (his Okta sign-in of the enrollment still open in this
    // browser) removes the token in Settings: a removal, so his password and a method first, as
    // for a security method; it stops at once.
    await mock.advanceClock(15 * 60);
    await page.goto("/settings");
    await expect(
      page.getByRole("heading", { name: "Verify it's you with a security method" }),
    ).toBeVisible();
    await page.getByRole("button", { name: "Select Google Authenticator" }).click();
    await mock.advanceClock(30);
    await page.getByLabel("Enter code").fill(await mock.totp(SAM.totpKey));
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    const token = page.getByRole("region", { name: "MobilePASS token (Nasdaq)" });
    await token.getByRole("button", { name: /^Remove MobilePASS token / }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Yes" }).click();
    await expect(page.getByRole("heading", { name: "Verify with your password" })).toBeVisible();
    await page.getByLabel("Password", { exact: true }).fill(SAM.password);
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    await mock.advanceClock(30);
    await page.getByLabel("Enter code").fill(await mock.totp(SAM.totpKey));
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    await expect(
      page.getByRole("status").filter({ hasText: /MobilePASS token \S+ removed\./ }),
    ).toBeVisible();
    await expect(token).toBeHidden();
    await page.goto("/nasdaq/login?app=q-port");
    await mock.advanceClock(30);
    await logIn(page, TWO_FA_PASSWORD, await phonePasscode(phone));
    await expect(page.getByRole("alert")).toHaveText(GENERIC);
  });
}
