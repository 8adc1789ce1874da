import * as z from "zod/mini";
import { Instant } from "./common";

/** The kinds of security method a user can verify with after the password. */
export const FactorType = z.enum(["google_authenticator", "okta_verify", "phone", "passkey"]);
export type FactorType = z.infer<typeof FactorType>;

export const PhoneChannel = z.enum(["sms", "voice"]);
export type PhoneChannel = z.infer<typeof PhoneChannel>;

/** An enrolled security method as the sign-in screens see it: never its secret or full number. */
export const FACTOR_FIELDS = {
  id: z.string(),
  type: FactorType,
  /** Okta Verify: the device name. */
  deviceName: z.optional(z.string()),
  /** Phone: the number with all but the last digits masked, e.g. "+1 XXX-XXX-0143". */
  maskedPhone: z.optional(z.string()),
  channel: z.optional(PhoneChannel),
};
export const Factor = z.object(FACTOR_FIELDS);
export type Factor = z.infer<typeof Factor>;

export const VerifyMode = z.enum(["code", "push", "passkey"]);
export type VerifyMode = z.infer<typeof VerifyMode>;

/** `canceled`: the device was removed before the push was answered. */
export const PushStatus = z.enum([
  "waiting",
  "approved",
  "denied",
  "expired",
  "wrong_number",
  "canceled",
]);
export type PushStatus = z.infer<typeof PushStatus>;

/** A code or push that was sent for this sign-in. */
export const Challenge = z.object({
  methodId: z.string(),
  kind: z.enum(["sms", "voice", "push"]),
  sentAt: Instant,
  /** When "Send again" / "Call again" may be used. */
  resendAt: Instant,
  expiresAt: Instant,
  /** Push only: the number the user must type into Okta Verify. */
  pushNumber: z.optional(z.number()),
  pushStatus: z.optional(PushStatus),
});
export type Challenge = z.infer<typeof Challenge>;

export const AuthnStatus = z.enum(["IDENTIFY", "PASSWORD", "FACTOR", "ENROLL", "SUCCESS"]);
export type AuthnStatus = z.infer<typeof AuthnStatus>;

/** Where the sign-in of this browser stands; the server holds it, the screens follow it. */
export const AuthnState = z.object({
  status: AuthnStatus,
  username: z.nullable(z.string()),
  factors: z.array(Factor),
  lastUsed: z.nullable(z.object({ methodId: z.string(), mode: VerifyMode })),
  sendPushAutomatically: z.boolean(),
  challenge: z.nullable(Challenge),
  /** Why this sign-in began: an unlock or a password reset that still needs the second factor. */
  notice: z.optional(z.enum(["unlocked", "passwordReset"])),
  /**
   * "Verify it's you" to open Settings: the password is one of the options (guide Section 2, How
   * to Edit the User Profile, step 4). Never for a sign-in, a change or Get Token.
   */
  passwordAccepted: z.optional(z.boolean()),
  /**
   * After an administrator reset the security methods (lost phone): the password is followed by a
   * code emailed to the primary email, then the set-up (docs/admin-api.md).
   */
  emailCode: z.optional(
    z.object({ maskedEmail: z.string(), resendAt: Instant, expiresAt: Instant }),
  ),
  /** Once the user is known: how many unused recovery codes are left, when a set exists. */
  recoveryCodesLeft: z.optional(z.number()),
});
export type AuthnState = z.infer<typeof AuthnState>;

const required = z.minLength(1, "validation.required");

/** "Username (email address)", as Sign In, Unlock account? and Forgot password? take it. */
export const Username = z
  .string()
  .check(z.trim(), required, z.maxLength(254, "validation.tooLong"));

export const IdentifyRequest = z.object({ username: Username });
export type IdentifyRequest = z.infer<typeof IdentifyRequest>;

export const PasswordRequest = z.object({
  password: z.string().check(required, z.maxLength(256, "validation.tooLong")),
});
export type PasswordRequest = z.infer<typeof PasswordRequest>;

export const ChallengeRequest = z.object({
  methodId: z.string().check(required),
  mode: z.optional(VerifyMode),
  sendPushAutomatically: z.optional(z.boolean()),
});
export type ChallengeRequest = z.infer<typeof ChallengeRequest>;

/** A typed code: spaces are dropped (authenticator apps show "123 456"), then 5 to 8 digits. */
export const OneTimeCode = z.pipe(
  z.string().check(z.maxLength(32, "validation.code")),
  z.pipe(
    z.transform((value: string) => value.replace(/\s+/g, "")),
    z.string().check(required, z.regex(/^\d{5,8}$/, "validation.code")),
  ),
);

export const VerifyCodeRequest = z.object({
  methodId: z.string().check(required),
  code: OneTimeCode,
});
export type VerifyCodeRequest = z.input<typeof VerifyCodeRequest>;

/** The code emailed after a reset of security methods (POST /api/authn/email-code). */
export const EmailCodeRequest = z.object({ code: OneTimeCode });
export type EmailCodeRequest = z.input<typeof EmailCodeRequest>;
