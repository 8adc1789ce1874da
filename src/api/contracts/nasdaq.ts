import * as z from "zod/mini";
import { Instant } from "./common";
import { NasdaqApplication } from "./me";

export { NASDAQ_APPLICATIONS, NasdaqApplication } from "./me";

/** Their names, as Nasdaq writes them (product names: the same in every language). */
export const NASDAQ_APPLICATION_NAMES: Record<NasdaqApplication, string> = {
  "cms-web": "CMS Web",
  track: "TRACK",
  nfm: "NFM",
  "q-port": "Q-Port",
};

/** 6-digit passcodes from the MobilePASS app (OATH TOTP, 30 s). */
const Passcode = z.string().check(z.regex(/^\d{6}$/, "validation.passcode"));
const Password = z
  .string()
  .check(z.minLength(1, "validation.required"), z.maxLength(256, "validation.tooLong"));

/** Where a MobilePASS token stands: waiting for its activation code, being enrolled, or in use. */
export const MobilePassStatus = z.enum(["issued", "activated", "enrolled"]);
export type MobilePassStatus = z.infer<typeof MobilePassStatus>;

/** The user's MobilePASS token as its owner sees it (Settings, enrollment). Never its seed. */
export const MobilePassToken = z.object({
  serial: z.string(),
  status: MobilePassStatus,
  issuedAt: Instant,
  /** Until when the emailed activation code works (status issued). */
  activationExpiresAt: Instant,
  enrolledAt: z.nullable(Instant),
  lastUsedAt: z.nullable(Instant),
});
export type MobilePassToken = z.infer<typeof MobilePassToken>;

/**
 * The enrollment of the Okta-signed-in user (first login directs here): what they are entitled to,
 * their token, and the next step. `addToken` is there only at that step: the QR's URI and the
 * activation string to type into the MobilePASS app.
 */
export const NasdaqEnrollment = z.object({
  login: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  applications: z.array(NasdaqApplication),
  token: z.nullable(MobilePassToken),
  /** NO_TOKEN: none issued yet; ACTIVATE: type the emailed code; DONE: log in on the window. */
  step: z.enum(["NO_TOKEN", "ACTIVATE", "PASSWORD", "ADD_TOKEN", "DONE"]),
  addToken: z.optional(z.object({ qrUri: z.string(), activationString: z.string() })),
});
export type NasdaqEnrollment = z.infer<typeof NasdaqEnrollment>;

export const ActivateTokenRequest = z.object({
  activationCode: z
    .string()
    .check(z.minLength(1, "validation.required"), z.maxLength(64, "validation.tooLong")),
});
export type ActivateTokenRequest = z.infer<typeof ActivateTokenRequest>;

export const SetTwoFactorPasswordRequest = z.object({ password: Password });

export const ProveTokenRequest = z.object({ passcode: Passcode });
export type ProveTokenRequest = z.infer<typeof ProveTokenRequest>;

/** The "Two-Factor Authentication" window: the seed's three fields. */
export const NasdaqLoginRequest = z.object({
  username: z
    .string()
    .check(z.minLength(1, "validation.required"), z.maxLength(256, "validation.tooLong")),
  password: Password,
  passcode: Passcode,
});
export type NasdaqLoginRequest = z.infer<typeof NasdaqLoginRequest>;

/** The Nasdaq applications' own session (not the Okta dashboard's). */
export const NasdaqSession = z.object({
  username: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  applications: z.array(NasdaqApplication),
});
export type NasdaqSession = z.infer<typeof NasdaqSession>;

/** Whether this browser holds a Nasdaq session (no session is an answer, not an error). */
export const NasdaqSessionState = z.object({ session: z.nullable(NasdaqSession) });
export type NasdaqSessionState = z.infer<typeof NasdaqSessionState>;

/** The development phone's MobilePASS app: the tokens added to it, each with its passcode now. */
export const DevMobilePassApp = z.object({
  tokens: z.array(z.object({ serial: z.string(), username: z.string(), passcode: z.string() })),
});
export type DevMobilePassApp = z.infer<typeof DevMobilePassApp>;

export const AddToMobilePassRequest = z.object({
  activationString: z.string().check(z.minLength(1), z.maxLength(200)),
});

/** An administrator's MobilePASS actions on a user: POST /api/admin/users/:id/mobilepass/:action. */
export const MOBILEPASS_ADMIN_ACTIONS = ["issue", "resend", "revoke", "reissue", "unlock"] as const;
export type MobilePassAdminAction = (typeof MOBILEPASS_ADMIN_ACTIONS)[number];

/** Why a token cannot be issued to the user now (the notice: a valid, individual account). */
export const IssueRefusal = z.enum([
  "USER_STATUS",
  "SHARED_ADDRESS",
  "NOT_ENTITLED",
  "TOKEN_EXISTS",
]);
export type IssueRefusal = z.infer<typeof IssueRefusal>;

/** A user's MobilePASS token and Nasdaq login as their administrator sees them: never the seed. */
export const AdminMobilePass = z.object({
  applications: z.array(NasdaqApplication),
  token: z.nullable(MobilePassToken),
  /** The Nasdaq login is locked until then (5 failures on the window). */
  lockedUntil: z.nullable(Instant),
  issueRefusal: z.nullable(IssueRefusal),
});
export type AdminMobilePass = z.infer<typeof AdminMobilePass>;
