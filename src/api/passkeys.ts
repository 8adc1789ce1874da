import type * as z from "zod/mini";
import { ApiError, apiRequest } from "./client";
import { PasskeyCreationOptions, PasskeyRequestOptions } from "./contracts/passkeys";

/**
 * The browser side of passkeys (WebAuthn). Its library loads only when a passkey is used, so the
 * sign-in page's first load stays within its budget (decision 016).
 */
const library = () => import("@simplewebauthn/browser");

/** Whether this browser has WebAuthn at all; asked without loading the library. */
export const browserHasPasskeys = () =>
  typeof window !== "undefined" && typeof window.PublicKeyCredential === "function";

/** Whether the browser offers passkeys in the username field's autofill (conditional mediation). */
export async function browserHasPasskeyAutofill(): Promise<boolean> {
  if (!browserHasPasskeys()) return false;
  return (await PublicKeyCredential.isConditionalMediationAvailable?.()) ?? false;
}

/** An ended ceremony: superseded by another one (not worth a message), or refused by the user. */
function ceremonyError(error: unknown): unknown {
  if (error instanceof Error && error.name === "AbortError") return error;
  return new ApiError(0, "PASSKEY_CANCELLED", error instanceof Error ? error.message : "");
}

export const isSuperseded = (error: unknown) =>
  error instanceof Error && error.name === "AbortError";

/**
 * Signs with a passkey over the backend's challenge: `${steps}/options`, the browser's prompt (or,
 * with `autofill`, the username field's suggestions), then `${steps}/verify`, whose answer is
 * returned.
 */
export async function verifyWithPasskey<S extends z.ZodMiniType>(
  steps: string,
  answer: S,
  { autofill = false }: { autofill?: boolean } = {},
): Promise<z.infer<S>> {
  const [{ startAuthentication }, options] = await Promise.all([
    library(),
    apiRequest(`${steps}/options`, PasskeyRequestOptions, { method: "POST", body: {} }),
  ]);
  const assertion = await startAuthentication({
    optionsJSON: options as Parameters<typeof startAuthentication>[0]["optionsJSON"],
    useBrowserAutofill: autofill,
  }).catch((error: unknown) => {
    throw ceremonyError(error);
  });
  return apiRequest(`${steps}/verify`, answer, { method: "POST", body: assertion });
}

/** Creates a passkey for the backend's registration options, and sends it to be verified. */
export async function createPasskey<S extends z.ZodMiniType>(answer: S): Promise<z.infer<S>> {
  const [{ startRegistration }, options] = await Promise.all([
    library(),
    apiRequest("/api/enroll/passkey/options", PasskeyCreationOptions, {
      method: "POST",
      body: {},
    }),
  ]);
  const credential = await startRegistration({
    optionsJSON: options as Parameters<typeof startRegistration>[0]["optionsJSON"],
  }).catch((error: unknown) => {
    throw ceremonyError(error);
  });
  return apiRequest("/api/enroll/passkey/verify", answer, { method: "POST", body: credential });
}

/** Ends a passkey prompt or autofill still waiting (the page that asked is going away). */
export async function cancelPasskey(): Promise<void> {
  (await library()).WebAuthnAbortService.cancelCeremony();
}
