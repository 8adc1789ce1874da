import { expect, test } from "./fixtures";
import {
  endSession,
  expectOldCopyRefused,
  setUpJanesPasskey,
  signOut,
  withoutPasskeyAutofill,
} from "./passkey-steps";

// The same passkeys against the local mock server (Node): the verifier there, behind the app's
// origin (the preview forwards /api), sees the same RP ID and origin as the page's mock.

test("On the local server, Jane sets up a passkey, signs in with it through autofill; a copy with an old counter is refused", async ({
  page,
  mock,
  passkeys,
}) => {
  await setUpJanesPasskey(page, mock, passkeys);
  const [janes] = await passkeys.credentials();
  if (!janes) throw new Error("No passkey was created");
  // Signed out with the passkey held back: the authenticator would answer Sign In's autofill
  // request at once, before the page could be seen.
  const giveBack = await passkeys.holdBack();
  await signOut(page, "Jane Doe");

  // Autofill: the username field's request is answered as soon as the page opens with the passkey.
  await giveBack();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Select a username" })).toBeVisible();
  await withoutPasskeyAutofill(page);
  await endSession(page);

  // A copy of the passkey as it was when set up (its counter back at the start) is refused.
  await expectOldCopyRefused(page, mock, passkeys, janes);
});
