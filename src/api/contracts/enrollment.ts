import * as z from "zod/mini";
import { OneTimeCode, PhoneChannel } from "./authn";
import { Instant } from "./common";
import { MethodDetails } from "./passkeys";

const required = z.minLength(1, "validation.required");

/** Where the set-up of security methods stands (guide Section 1). */
export const EnrollmentState = z.object({
  username: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  passwordSet: z.boolean(),
  securityQuestionSet: z.boolean(),
  /** The access methods set up so far (Google Authenticator, Okta Verify, phones). */
  methods: z.array(MethodDetails),
  /** Password, security question and one access method: "Set up later" may finish. */
  canFinish: z.boolean(),
  /** Activation (first set-up) or Settings (a signed-in user adding a method). */
  context: z.enum(["activation", "account"]),
  /** Unused recovery codes left, when a set exists. */
  recoveryCodesLeft: z.optional(z.number()),
});
export type EnrollmentState = z.infer<typeof EnrollmentState>;

export const ActivateRequest = z.object({ token: z.string().check(required, z.maxLength(200)) });

export const SetPasswordRequest = z.object({
  password: z.string().check(required, z.maxLength(256, "validation.tooLong")),
});
export type SetPasswordRequest = z.infer<typeof SetPasswordRequest>;

export const SecurityQuestions = z.object({ questions: z.array(z.string()) });

export const SetSecurityQuestionRequest = z.object({
  question: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "validation.chooseQuestion"),
      z.maxLength(200, "validation.tooLong"),
    ),
  answer: z
    .string()
    .check(
      z.trim(),
      z.minLength(3, "validation.answerTooShort"),
      z.maxLength(100, "validation.tooLong"),
    ),
});
export type SetSecurityQuestionRequest = z.infer<typeof SetSecurityQuestionRequest>;

/** A Google Authenticator set-up in progress: the same key until it ends. */
export const TotpEnrollment = z.object({ key: z.string(), uri: z.string() });
export type TotpEnrollment = z.infer<typeof TotpEnrollment>;

/** An Okta Verify set-up in progress: the QR code carries `qrUri`; the phone app confirms it. */
export const OktaVerifyEnrollment = z.object({
  id: z.string(),
  qrUri: z.string(),
  setupKey: z.string(),
  status: z.enum(["waiting", "confirmed"]),
});
export type OktaVerifyEnrollment = z.infer<typeof OktaVerifyEnrollment>;

export const EnrollPhoneRequest = z.object({
  channel: PhoneChannel,
  /** E.164, as libphonenumber-js formats it from the Country and Phone number fields. */
  e164: z.string().check(z.regex(/^\+[1-9]\d{6,14}$/, "validation.phone")),
  extension: z.optional(z.string().check(z.regex(/^\d{1,8}$/, "validation.extension"))),
});
export type EnrollPhoneRequest = z.infer<typeof EnrollPhoneRequest>;

/** A phone set-up waiting for its code. */
export const PhoneEnrollment = z.object({
  channel: PhoneChannel,
  maskedPhone: z.string(),
  sentAt: Instant,
  resendAt: Instant,
  expiresAt: Instant,
});
export type PhoneEnrollment = z.infer<typeof PhoneEnrollment>;

export const EnrollCodeRequest = z.object({ code: OneTimeCode });
export type EnrollCodeRequest = z.input<typeof EnrollCodeRequest>;

/** A new set of recovery codes, shown this once: the backend keeps only their hashes. */
export const RecoveryCodes = z.object({ codes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;
