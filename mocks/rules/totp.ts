import { Secret, TOTP } from "otpauth";

/** TOTP as Google Authenticator and Okta Verify use it: SHA1, 6 digits, 30 s (RFC 6238). */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Accept the current step and one either side (RFC 6238 §5.2). */
const ACCEPT_WINDOW = 1;
/** Look this many steps further to tell a phone whose clock is off from a wrong code. */
const SKEW_WINDOW = 20;

export const TOTP_ISSUER = "FINRA TRAQS";

/** A new secret: 160 bits from a secure random source, base32 (32 characters). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, label = "", issuer = TOTP_ISSUER) {
  return new TOTP({
    issuer,
    label,
    secret: Secret.fromBase32(secretBase32),
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  });
}

/** The Key Uri Format URI that the QR code carries (another issuer: a MobilePASS token). */
export function totpUri(secretBase32: string, account: string, issuer = TOTP_ISSUER): string {
  return totpFor(secretBase32, account, issuer).toString();
}

export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

export function generateTotp(secretBase32: string, nowMs: number): string {
  return totpFor(secretBase32).generate({ timestamp: nowMs });
}

export type TotpCheck =
  | { result: "ok"; step: number }
  | { result: "replayed" }
  | { result: "skewed"; skewSeconds: number; step: number }
  | { result: "invalid" };

/**
 * Checks a typed code at the server's clock. `lastUsedStep` is the step of the last accepted code:
 * that step and every earlier one are refused, so a code works once.
 */
export function checkTotp(
  secretBase32: string,
  code: string,
  nowMs: number,
  lastUsedStep: number,
): TotpCheck {
  const totp = totpFor(secretBase32);
  const delta = totp.validate({ token: code, timestamp: nowMs, window: ACCEPT_WINDOW });
  if (delta !== null) {
    const step = totpStep(nowMs) + delta;
    return step <= lastUsedStep ? { result: "replayed" } : { result: "ok", step };
  }
  const farDelta = totp.validate({ token: code, timestamp: nowMs, window: SKEW_WINDOW });
  if (farDelta !== null) {
    const skewSeconds = farDelta * TOTP_PERIOD_SECONDS;
    return { result: "skewed", skewSeconds, step: totpStep(nowMs) + farDelta };
  }
  return { result: "invalid" };
}
