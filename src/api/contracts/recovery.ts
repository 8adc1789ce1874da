import * as z from "zod/mini";
import { Username } from "./authn";
import { Instant } from "./common";

/** "Unlock account?" or "Forgot password?": an email, the security question, then sign-in. */
export const RecoveryKind = z.enum(["unlock", "reset"]);
export type RecoveryKind = z.infer<typeof RecoveryKind>;

/** DONE: handed over to sign-in (the password after an unlock, a method after a reset). */
export const RecoveryStage = z.enum(["SEND", "SENT", "QUESTION", "NEW_PASSWORD", "DONE"]);
export type RecoveryStage = z.infer<typeof RecoveryStage>;

/** Where a recovery stands. It looks the same whether or not the username exists. */
export const RecoveryState = z.object({
  kind: RecoveryKind,
  stage: RecoveryStage,
  username: z.string(),
  /** QUESTION: the user's security question. */
  question: z.nullable(z.string()),
  sentAt: z.nullable(Instant),
  resendAt: z.nullable(Instant),
  /** NEW_PASSWORD: the names, for the requirement list. */
  firstName: z.nullable(z.string()),
  lastName: z.nullable(z.string()),
});
export type RecoveryState = z.infer<typeof RecoveryState>;

export const StartRecoveryRequest = z.object({
  kind: RecoveryKind,
  username: Username,
});
export type StartRecoveryRequest = z.infer<typeof StartRecoveryRequest>;

export const RecoveryLinkRequest = z.object({
  token: z.string().check(z.minLength(1), z.maxLength(200)),
});

export const RecoveryAnswerRequest = z.object({
  answer: z
    .string()
    .check(z.minLength(1, "validation.required"), z.maxLength(100, "validation.tooLong")),
});
export type RecoveryAnswerRequest = z.infer<typeof RecoveryAnswerRequest>;
