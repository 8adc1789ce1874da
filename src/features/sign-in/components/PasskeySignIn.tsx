import { useEffect, useEffectEvent, useState } from "react";
import { useTranslation } from "@/i18n/first-screen";
import { useNavigate } from "react-router";
import { ApiError } from "@/api/client";
import { AuthnState } from "@/api/contracts/authn";
import {
  browserHasPasskeyAutofill,
  browserHasPasskeys,
  cancelPasskey,
  isSuperseded,
  verifyWithPasskey,
} from "@/api/passkeys";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { loadAreaStrings } from "@/i18n/load";
import { signInState } from "@/components/verification/sign-in-state";
import { useSignInRequest } from "../api/authn";
import { stepPath, useReturnPath } from "./AuthnGate";

const STEPS = "/api/authn/passkey-sign-in";

/**
 * Passkeys among the username field's autofill suggestions (conditional mediation), where the
 * browser has it. Resolves with the signed-in state once one is chosen; with null when the browser
 * has no such autofill, or the request was superseded (the button) or canceled.
 */
async function passkeyAutofill(): Promise<AuthnState | null> {
  if (!(await browserHasPasskeyAutofill())) return null;
  try {
    return await verifyWithPasskey(STEPS, AuthnState, { autofill: true });
  } catch (error) {
    if (isSuperseded(error) || (error instanceof ApiError && error.code === "PASSKEY_CANCELLED"))
      return null;
    throw error;
  }
}

/**
 * A passkey's failure (a refusal, a canceled prompt), once its words have loaded: they are among
 * the strings loaded after the first, which the sign-in page does not fetch ahead (decision 031).
 */
async function withItsWords(error: unknown): Promise<never> {
  await loadAreaStrings().catch(() => undefined);
  throw error;
}

/**
 * "Sign in with a passkey", and passkeys offered by the username field's autofill: no username
 * typed, and a passkey with user verification is the whole sign-in. Loaded after Sign In's first
 * paint, so that its first load stays within budget (decision 016).
 */
export default function PasskeySignIn() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const from = useReturnPath();
  const signedIn = (state: AuthnState) => void navigate(stepPath(state.status, from));
  const button = useSignInRequest(() => verifyWithPasskey(STEPS, AuthnState).catch(withItsWords));
  const [autofillError, setAutofillError] = useState<unknown>(null);
  const onAutofill = useEffectEvent((state: AuthnState) => {
    signInState.set(state);
    signedIn(state);
  });
  useEffect(() => {
    let live = true;
    passkeyAutofill()
      .catch(withItsWords)
      .then(
        (state) => live && state && onAutofill(state),
        (error: unknown) => live && setAutofillError(error),
      );
    return () => {
      live = false;
      void cancelPasskey();
    };
  }, []);

  // A browser without WebAuthn offers no passkey (its fallback showed the button a moment).
  if (!browserHasPasskeys()) return null;
  return (
    <>
      <ErrorAlert error={button.error ?? autofillError} />
      <button
        type="button"
        className="button"
        disabled={button.isPending}
        onClick={() => button.mutate(undefined, signedIn)}
      >
        {button.isPending ? t("common.working") : t("signIn.withPasskey")}
      </button>
    </>
  );
}
