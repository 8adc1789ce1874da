import type { Page } from "@playwright/test";
import {
  expect,
  fillNewPassword,
  expectAccessible,
  janesNextCode,
  JANE,
  signInAsJdoe01,
  test,
  type MockBackend,
  expectRecentPasswordRefused,
  scanWithOktaVerify,
  spendRecoveryCode,
} from "./fixtures";

async function openMenu(page: Page, item: string) {
  await page.getByRole("button", { name: "Jane Doe" }).click();
  await page.getByRole("link", { name: item }).click();
}

/**
 * Settings asks "Verify it's you" first: Jane chooses Google Authenticator from the list. axe checks
 * its code screen in the first test only (`checkAccessible`): every other test passes the same one.
 */
async function openSettings(page: Page, mock: MockBackend, checkAccessible = false) {
  await openMenu(page, "Settings");
  await expect(
    page.getByRole("heading", { name: "Verify it's you with a security method" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Select Google Authenticator" }).click();
  await expect(
    page.getByRole("heading", { name: "Verify with Google Authenticator" }),
  ).toBeVisible();
  if (checkAccessible) await expectAccessible(page);
  await page.getByLabel("Enter code").fill(await janesNextCode(mock));
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
}

/**
 * A reset or removal: Yes, then the password, then a security method. axe checks each question's
 * dialog once in this file: a test that asks one again passes `checkAccessible` false.
 */
async function confirmAndVerify(
  page: Page,
  mock: MockBackend,
  question: string,
  checkAccessible = true,
) {
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(question);
  if (checkAccessible) await expectAccessible(page);
  await dialog.getByRole("button", { name: "Yes" }).click();
  await verifyWithPasswordAndMethod(page, mock);
}

/** The change verification: Jane's password, then her authenticator's next code. */
async function verifyWithPasswordAndMethod(page: Page, mock: MockBackend) {
  await expect(page.getByRole("heading", { name: "Verify with your password" })).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill(JANE.password);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(
    page.getByRole("heading", { name: "Verify with Google Authenticator" }),
  ).toBeVisible();
  await page.getByLabel("Enter code").fill(await janesNextCode(mock));
  await page.getByRole("button", { name: "Verify", exact: true }).click();
}

test("Jane opens Settings after verifying, sees her information, and switches the language to Spanish and back", async ({
  page,
  mock,
}) => {
  await signInAsJdoe01(page, mock);
  await openSettings(page, mock, true);
  const personal = page.getByRole("region", { name: "Personal Information" });
  await expect(personal).toContainText("jane.doe@yourfirm.org");
  await expect(personal).toContainText("JDOE01, JDOE02 (InActive)");
  await expect(personal).toContainText("1-866-776-0800 option 2");
  const methods = page.getByRole("region", { name: "Security Methods" });
  for (const name of [
    "Reset Password",
    "Set up Okta Verify",
    "Remove Google Authenticator",
    "Set up another Phone",
    "Remove +1 XXX-XXX-0143",
    "Remove Security Question",
  ]) {
    await expect(methods.getByRole("button", { name })).toBeVisible();
  }
  await expectAccessible(page);

  await page.getByRole("button", { name: "Edit display language" }).click();
  await page.getByLabel("Language", { exact: true }).selectOption("es");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: "Cuenta", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Editar el idioma de visualización" }).click();
  await page.getByLabel("Idioma", { exact: true }).selectOption("en");
  await page.getByRole("button", { name: "Guardar" }).click();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
});

test("A change asks the server again only for what it changed: the user is not fetched again", async ({
  page,
  mock,
}) => {
  await signInAsJdoe01(page, mock);
  await openSettings(page, mock);
  const userRequests: string[] = [];
  page.on("request", (sent) => {
    if (new URL(sent.url()).pathname === "/api/me") userRequests.push(sent.method());
  });

  // Neither "Verify it's you" nor a removal changes who Jane is. (The next test checks the dialog.)
  await page.getByRole("button", { name: "Remove +1 XXX-XXX-0143" }).click();
  await confirmAndVerify(
    page,
    mock,
    "Are you sure you want to remove +1 XXX-XXX-0143 enrollment?",
    false,
  );
  await expect(
    page.getByRole("status").filter({ hasText: "You have successfully removed +1 XXX-XXX-0143" }),
  ).toBeVisible();
  // A new display language is hers, and the change's answer already holds it.
  await page.getByRole("button", { name: "Edit display language" }).click();
  await page.getByLabel("Language", { exact: true }).selectOption("es");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: "Cuenta", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  expect(userRequests).toEqual([]);
});

test("Jane removes her phone (confirm, password, method, email) but cannot remove her last access method", async ({
  page,
  mock,
}) => {
  await signInAsJdoe01(page, mock);
  await openSettings(page, mock);
  await page.getByRole("button", { name: "Remove +1 XXX-XXX-0143" }).click();
  await confirmAndVerify(page, mock, "Are you sure you want to remove +1 XXX-XXX-0143 enrollment?");
  await expect(
    page.getByRole("status").filter({ hasText: "You have successfully removed +1 XXX-XXX-0143" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove +1 XXX-XXX-0143" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Set up Phone" })).toBeVisible();
  await expectAccessible(page);

  const email = await mock.latest("email", JANE.username);
  expect(email.subject).toBe("FINRA TRAQS - Security method reset");
  expect(email.text).toContain("Phone +1 XXX-XXX-0143");
  expect(email.text).toContain("Performed by: Jane Doe");
  expect(email.text).toContain("Report Suspicious Activity");

  // The removed phone no longer works, and Google Authenticator is now the last access method.
  await page.getByRole("button", { name: "Remove Google Authenticator" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "You must have at least one security method set up",
  );
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // The backend refuses a removal without its own fresh verification, whatever the page shows.
  const status = await page.evaluate(async () => {
    const account = (await (await fetch("/api/account")).json()) as { methods: { id: string }[] };
    return (await fetch(`/api/account/methods/${account.methods[0]?.id}`, { method: "DELETE" }))
      .status;
  });
  expect([403, 409]).toContain(status);
});

test("Jane resets her password: a reused one is refused, the new one works, and Recent Activity shows it", async ({
  page,
  mock,
}) => {
  await signInAsJdoe01(page, mock);
  await openSettings(page, mock);
  await page.getByRole("button", { name: "Reset Password" }).click();
  await confirmAndVerify(page, mock, "Are you sure you want to reset Password enrollment?");
  await expectRecentPasswordRefused(page);
  const fresh = "Brand-New-Secret-77";
  await fillNewPassword(page, fresh);
  await page.getByRole("button", { name: "Reset Password" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Successfully reset your password." }),
  ).toBeVisible();
  expect((await mock.latest("email", JANE.username)).subject).toBe("FINRA TRAQS - Password reset");

  await openMenu(page, "Recent Activity");
  await expect(page.getByRole("heading", { name: "Recent Activity" })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("row").nth(1)).toContainText("Password reset");
  await expect(table).toContainText("Sign-in");
  await expectAccessible(page);
  await table.getByRole("button", { name: /^This wasn't me: Password reset/ }).click();
  await expect(page.getByText("Thank you: your report was recorded.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to Settings" })).toBeVisible();

  await openMenu(page, "Preferences");
  await page.getByLabel("Pop-up message timer").selectOption("3");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Your preferences were saved.")).toBeVisible();
  await expectAccessible(page);
});

/**
 * Jane signs in and removes her security question: its email has a Report Suspicious Activity link.
 * `checkAccessible`: axe checks the removal's dialog (the first test that uses this does).
 */
async function signInAndRemoveSecurityQuestion(
  page: Page,
  mock: MockBackend,
  checkAccessible: boolean,
) {
  await signInAsJdoe01(page, mock);
  await openSettings(page, mock);
  await page.getByRole("button", { name: "Remove Security Question" }).click();
  await confirmAndVerify(
    page,
    mock,
    "Are you sure you want to remove Security Question enrollment?",
    checkAccessible,
  );
  await expect(page.getByText("You have successfully removed Security Question")).toBeVisible();
}

test("The email's Report Suspicious Activity link records the report", async ({ page, mock }) => {
  await signInAndRemoveSecurityQuestion(page, mock, true);
  await expect(page.getByRole("button", { name: "Set up Security Question" })).toBeVisible();
  const email = await mock.latest("email", JANE.username);
  await page.goto(email.link ?? "");
  await expect(page.getByText("Thank you. Your report was recorded.")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/activity");
  await expect(page.getByRole("table")).toContainText("Suspicious activity reported");

  // The link works once: opened again, it says so and records nothing more.
  await page.goto(email.link ?? "");
  await expect(
    page.getByText("This activity was already reported with this link. Thank you."),
  ).toBeVisible();
  await page.goto("/activity");
  await expect(page.getByRole("row", { name: /Suspicious activity reported/ })).toHaveCount(1);
});

test("A Report Suspicious Activity link older than 30 days has expired", async ({ page, mock }) => {
  await signInAndRemoveSecurityQuestion(page, mock, false);
  const email = await mock.latest("email", JANE.username);
  await mock.advanceClock(30 * 86_400 + 60);
  await page.goto(email.link ?? "");
  await expect(page.getByRole("alert")).toContainText(
    "This link has expired: links are valid for 30 days.",
  );
  await expectAccessible(page);
});

test("Jane sets up Okta Verify from Settings only after her password and a method", async ({
  page,
  context,
  mock,
}) => {
  await signInAsJdoe01(page, mock);
  await openSettings(page, mock);
  // Settings' own verification is not enough to change anything: Set up asks for the password.
  await page.getByRole("button", { name: "Set up Okta Verify" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await verifyWithPasswordAndMethod(page, mock);
  await expect(page.getByRole("heading", { name: "Set up Okta Verify" })).toBeVisible();
  await expectAccessible(page);
  const phoneApp = await scanWithOktaVerify(context, JANE.username);
  await phoneApp.close();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await expect(
    page.getByRole("status").filter({ hasText: "Okta Verify is set up." }),
  ).toBeVisible();
  const methods = page.getByRole("region", { name: "Security Methods" });
  await expect(methods.getByRole("button", { name: "Set up another Okta Verify" })).toBeVisible();
  await expect(methods.getByRole("button", { name: /^Remove Jane's phone/ })).toBeVisible();
  expect((await mock.latest("email", JANE.username)).subject).toBe(
    "FINRA TRAQS - Security method enrolled",
  );
});

/** The new recovery codes on screen, then "I have saved these codes" and Continue. */
async function saveRecoveryCodes(page: Page): Promise<string[]> {
  await expect(page.getByRole("heading", { name: "Recovery codes" })).toBeVisible();
  const items = page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem");
  await expect(items).toHaveCount(10);
  const codes = (await items.allTextContents()).map((code) => code.trim());
  await page.getByLabel("I have saved these codes").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  return codes;
}

test("Jane sets up recovery codes from Settings, verifies it's her with one, is warned at 3 left, and regenerates them", async ({
  page,
  mock,
}) => {
  await signInAsJdoe01(page, mock);
  await openSettings(page, mock);
  const methods = page.getByRole("region", { name: "Security Methods" });
  await expect(methods.getByText("Not set up")).toBeVisible();
  // Set up needs the change verification: password and a method.
  await methods.getByRole("button", { name: "Set up Recovery codes" }).click();
  await verifyWithPasswordAndMethod(page, mock);
  const codes = await saveRecoveryCodes(page);
  await expect(methods.getByText("10 codes left")).toBeVisible();
  expect((await mock.latest("email", JANE.username)).subject).toBe(
    "FINRA TRAQS - Recovery codes generated",
  );

  // Settings closes after 15 minutes; "Verify it's you" then takes a recovery code too.
  await mock.advanceClock(16 * 60);
  await page.reload();
  await expect(page.getByText("Select from the following options")).toBeVisible();
  await page.getByRole("button", { name: "Select Recovery code" }).click();
  await page.getByLabel("Enter a recovery code").fill(codes[0] ?? "");
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(
    page.getByText("Recovery code accepted. You have 9 recovery codes left."),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await expect(methods.getByText("9 codes left")).toBeVisible();
  await expect(page.getByText(/recovery codes? (is|are) left/)).toHaveCount(0);

  // Six more used: with 3 left, Settings warns.
  for (const code of codes.slice(1, 7)) await spendRecoveryCode(page, code);
  await page.reload();
  await expect(methods.getByText("3 codes left")).toBeVisible();
  await expect(
    page.getByRole("status").filter({ hasText: "Only 3 recovery codes are left." }),
  ).toBeVisible();
  await expectAccessible(page);

  // Regenerate: a new set after the change verification; the old ones are void.
  await methods.getByRole("button", { name: "Regenerate Recovery codes" }).click();
  await verifyWithPasswordAndMethod(page, mock);
  const fresh = await saveRecoveryCodes(page);
  expect(fresh.some((code) => codes.includes(code))).toBe(false);
  await expect(methods.getByText("10 codes left")).toBeVisible();
  await expect(page.getByText("Only 3 recovery codes are left.")).toHaveCount(0);

  // Recent Activity shows each use with the count left, and the new set.
  await openMenu(page, "Recent Activity");
  const table = page.getByRole("table");
  await expect(table.getByRole("row").nth(1)).toContainText("Recovery codes generated");
  await expect(table).toContainText("Recovery code used (A recovery code was used; 3 left)");
});
