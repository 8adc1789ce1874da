import type { Page } from "@playwright/test";
import {
  expect,
  expectAccessible,
  JANE,
  signInAsJdoe01,
  type MockBackend,
  type Passkeys,
  type VirtualCredential,
  verifyWithJanesCode,
} from "./fixtures";

// Steps of the passkey specs (the in-page mock and the local server): Chromium's virtual
// authenticator (the `passkeys` fixture) answers every passkey prompt of the page, as a person
// with a fingerprint reader would.

/** Jane opens Settings, verifying with her authenticator app. */
export async function openSettings(page: Page, mock: MockBackend) {
  await page.getByRole("button", { name: "Jane Doe" }).click();
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("button", { name: "Select Google Authenticator" }).click();
  await expect(
    page.getByRole("heading", { name: "Verify with Google Authenticator" }),
  ).toBeVisible();
  await verifyWithJanesCode(page, mock);
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
}

/** Signed in, Jane sets up a passkey from Settings, after her password and a code. */
export async function setUpJanesPasskey(page: Page, mock: MockBackend, passkeys: Passkeys) {
  await signInAsJdoe01(page, mock);
  await openSettings(page, mock);
  const methods = page.getByRole("region", { name: "Security Methods" });
  await methods.getByRole("button", { name: "Set up Passkey" }).click();
  await page.getByLabel("Password", { exact: true }).fill(JANE.password);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await verifyWithJanesCode(page, mock);
  await expect(page.getByRole("heading", { name: "Set up a passkey" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create a passkey" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Passkey is set up." })).toBeVisible();
  // A discoverable credential for this site's host, kept by the (virtual) authenticator.
  const credentials = await passkeys.credentials();
  expect(credentials).toEqual([
    expect.objectContaining({ isResidentCredential: true, rpId: "localhost" }),
  ]);
  return methods;
}

export async function signOut(page: Page, name: string) {
  await page.getByRole("button", { name }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
}

/**
 * A browser without passkey autofill (conditional mediation), so that only the button can sign in:
 * the virtual authenticator answers an autofill request by itself as soon as it holds a passkey.
 */
export async function withoutPasskeyAutofill(page: Page) {
  await page.addInitScript(() => {
    PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);
  });
}

/** Ends the session as the user menu's Sign out does (the TRAQS username choice has no menu). */
export async function endSession(page: Page) {
  await page.evaluate(() =>
    fetch("/api/session", { method: "DELETE", headers: { "Content-Type": "application/json" } }),
  );
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
}

/**
 * A copy of Jane's passkey as it was when set up (the same key, its signature counter back at the
 * start) is refused after the passkey has signed in, and Jane is told by email.
 */
export async function expectOldCopyRefused(
  page: Page,
  mock: MockBackend,
  passkeys: Passkeys,
  copy: VirtualCredential,
) {
  await passkeys.clear();
  await passkeys.addCredential(copy);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("alert")).toContainText("That passkey could not be verified.");
  const alert = await mock.latest("email", JANE.username);
  expect(alert.subject).toBe("FINRA TRAQS - Passkey sign-in refused");
  expect(alert.text).toContain("signature counter went backwards");
}
