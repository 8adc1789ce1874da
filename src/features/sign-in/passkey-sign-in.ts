import { ApiError } from "@/api/client";
import { AuthnState } from "@/api/contracts/authn";
import {
  browserHasPasskeyAutofill,
  cancelPasskey,
  isSuperseded,
  verifyWithPasskey,
} from "@/api/passkeys";
import { loadAreaStrings } from "@/i18n";

/**
 * Signing in with a passkey alone, loaded only once the sign-in page has shown (its first load
 * stays within budget). A passkey with user verification is the whole sign-in.
 */
const STEPS = "/api/authn/passkey-sign-in";

/** "Sign in with a passkey": the browser's prompt lists this site's passkeys. */
export function signInWithPasskey(): Promise<AuthnState> {
  // Its messages (a refusal, a canceled prompt) are among the strings loaded after sign-in's first.
  void loadAreaStrings();
  return verifyWithPasskey(STEPS, AuthnState);
}

/**
 * Passkeys among the username field's autofill suggestions (conditional mediation), where the
 * browser has it. Resolves with the signed-in state once one is chosen; with null when the browser
 * has no such autofill, or the request was superseded (the button) or canceled.
 */
export async function passkeyAutofill(): Promise<AuthnState | null> {
  if (!(await browserHasPasskeyAutofill())) return null;
  try {
    return await verifyWithPasskey(STEPS, AuthnState, { autofill: true });
  } catch (error) {
    if (isSuperseded(error) || (error instanceof ApiError && error.code === "PASSKEY_CANCELLED"))
      return null;
    await loadAreaStrings();
    throw error;
  }
}

export { cancelPasskey };
