import * as z from "zod/mini";
import { FactorType } from "./authn";
import { Instant } from "./common";
import { Language, TraqsUsername } from "./me";
import { MethodDetails } from "./passkeys";

/** view: open Settings; change: a reset, removal or set-up; token: Get Token (API / Download). */
export const StepUpPurpose = z.enum(["view", "change", "token", "show-token"]);
export type StepUpPurpose = z.infer<typeof StepUpPurpose>;

/**
 * What Settings can set up (Set up / Set up another): a method, the security question, or a new
 * set of recovery codes (which voids the old one).
 */
export const SetUpMethod = z.enum([...FactorType.options, "security_question", "recovery_codes"]);
export type SetUpMethod = z.infer<typeof SetUpMethod>;

/** Every administrative change (src/api/contracts/admin.ts has the requests that make them). */
export const ADMIN_ACTIONS = [
  "invite",
  "resendInvitation",
  "revokeInvitation",
  "setTraqsUsername",
  "editEntitlements",
  "unlock",
  "resetMethods",
  "sendPasswordReset",
  "signOutEverywhere",
  "revokeTokens",
  "suspend",
  "reactivate",
  "deactivate",
  "updateProfile",
  "setAdministrator",
  "startNtfTest",
  // The Nasdaq two-factor login (issue 17): the user's MobilePASS token and Nasdaq lockout.
  "issueMobilePass",
  "resendMobilePass",
  "revokeMobilePass",
  "reissueMobilePass",
  "unlockNasdaqLogin",
  "editNasdaqApplications",
] as const;
export const AdminAction = z.enum(ADMIN_ACTIONS);
export type AdminAction = z.infer<typeof AdminAction>;

/**
 * An administrator's change, as "Verify it's you" is made for it: the action and its target (the
 * user's id, or the firm's id for "invite" and "startNtfTest").
 */
export const AdminChange = z.object({
  kind: z.literal("admin"),
  action: AdminAction,
  target: z.string().check(z.maxLength(100)),
});
export type AdminChange = z.infer<typeof AdminChange>;

/** The one change a "change" verification is made for; the backend lets it serve no other. */
export const AccountChange = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("resetPassword") }),
  z.object({ kind: z.literal("removeSecurityQuestion") }),
  z.object({ kind: z.literal("removeMethod"), methodId: z.string().check(z.maxLength(100)) }),
  z.object({ kind: z.literal("setUp"), method: SetUpMethod }),
  /** Settings' Remove of the user's MobilePASS token (Nasdaq two-factor login). */
  z.object({ kind: z.literal("removeMobilePass") }),
  /** An administrator's change to a user or a firm (src/api/contracts/admin.ts). */
  AdminChange,
]);
export type AccountChange = z.infer<typeof AccountChange>;

export const StartStepUpRequest = z.discriminatedUnion("purpose", [
  z.object({ purpose: z.enum(["view", "token", "show-token"]) }),
  z.object({ purpose: z.literal("change"), change: AccountChange }),
]);
export type StartStepUpRequest = z.infer<typeof StartStepUpRequest>;
/** What "Verify it's you" is for, as a screen asks: open Settings, Get Token, or one change. */
export type StepUpFor = "view" | "token" | "show-token" | AccountChange;

/** Settings warns when this many recovery codes or fewer are left. */
export const RECOVERY_CODES_LOW = 3;

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
  methods: z.array(MethodDetails),
  /** Unused recovery codes left, when a set exists (Settings warns at 3 or fewer). */
  recoveryCodesLeft: z.optional(z.number()),
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
