import * as z from "zod/mini";
import { Factor } from "./authn";
import { Instant } from "./common";
import { Language, TraqsUsername } from "./me";

/** view: open Settings; change: a reset or removal; token: Get Token (API / Download / Programmatic). */
export const StepUpPurpose = z.enum(["view", "change", "token"]);
export type StepUpPurpose = z.infer<typeof StepUpPurpose>;
export const StartStepUpRequest = z.object({ purpose: StepUpPurpose });

/** The Account page (guide Section 2): personal information, language, security methods. */
export const AccountState = z.object({
  firstName: z.string(),
  lastName: z.string(),
  login: z.string(),
  email: z.string(),
  traqsUsernames: z.array(TraqsUsername),
  language: z.nullable(Language),
  passwordChangedAt: z.nullable(Instant),
  securityQuestionSet: z.boolean(),
  methods: z.array(Factor),
  /** Until when Settings stays open without verifying again. */
  verifiedUntil: Instant,
});
export type AccountState = z.infer<typeof AccountState>;

export const SetLanguageRequest = z.object({ language: Language });

export const ResetPasswordRequest = z.object({
  password: z
    .string()
    .check(z.minLength(1, "validation.required"), z.maxLength(256, "validation.tooLong")),
  signOutOtherDevices: z.boolean(),
});
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;

export const Preferences = z.object({
  layout: z.enum(["comfortable", "compact"]),
  /** How long confirmation messages ("pop-up messages") stay on screen. */
  messageSeconds: z.number().check(z.int(), z.minimum(3), z.maximum(60)),
});
export type Preferences = z.infer<typeof Preferences>;

export const ActivityItem = z.object({
  id: z.string(),
  kind: z.enum(["sign_in", "security"]),
  type: z.string(),
  at: Instant,
  result: z.enum(["success", "failure", "info"]),
  client: z.string(),
  detail: z.optional(z.string()),
  reported: z.boolean(),
});
export type ActivityItem = z.infer<typeof ActivityItem>;

export const ActivityPage = z.object({
  items: z.array(ActivityItem),
  page: z.number(),
  pageCount: z.number(),
});
export type ActivityPage = z.infer<typeof ActivityPage>;

export const ReportRequest = z.object({
  token: z.string().check(z.minLength(1), z.maxLength(200)),
});

/** A "Report Suspicious Activity" link works once: recorded now, or by an earlier use of it. */
export const ReportResult = z.object({ status: z.enum(["RECORDED", "ALREADY_REPORTED"]) });
export type ReportResult = z.infer<typeof ReportResult>;
