import type { AdminAction } from "../../src/api/contracts/account";
import type {
  AdminMobilePass,
  DevMobilePassApp,
  MobilePassAdminAction,
  NasdaqEnrollment,
  NasdaqSessionState,
} from "../../src/api/contracts/nasdaq";
import { NASDAQ_APPLICATIONS, type NasdaqApplication } from "../../src/api/contracts/me";
import { recordActivity } from "../db/activity";
import { userById } from "../db/sessions";
import type { MockState, NasdaqSession, User } from "../db/state";
import type { Administrator } from "./administration";
import type { Context } from "./context";
import { iso } from "./dates";
import {
  activateToken,
  activationString,
  enrollmentStep,
  issueRefusal,
  issueToken,
  liveToken,
  mobilePassUri,
  nasdaqLockedUntil,
  nasdaqLogin,
  proveToken,
  resendActivation,
  revokeToken,
  startNasdaqSession,
  storeTwoFactorPassword,
  toTokenView,
  twoFactorPasswordRulesBroken,
  unlockNasdaqLogin,
} from "./mobilepass";
import { notifyAdministratorChange } from "./notifications";
import { Refusal } from "./refusal";
import { generateTotp } from "./totp";

// The Nasdaq two-factor login (`nasdaq-2fa-mobilepass.md`) as its endpoints see it: the owner's
// enrollment, Settings' Remove, the one-screen login, the administrators' actions and the
// development phone's MobilePASS app. The token's own rules are in mobilepass.ts.

/** The Nasdaq applications' session cookie: their own, apart from the Okta dashboard's. */
export const NASDAQ_SESSION_COOKIE = "nasdaq_sid";

/** One answer for any wrong part of the window (SECURITY 39): never which one. */
const LOGIN_FAILED = "Login failed. Check your User Name, 2FA-Password and Passcode.";

/** The enrollment as its owner sees it; the seed only until the token is enrolled. */
export function toEnrollment(state: MockState, user: User): NasdaqEnrollment {
  const token = liveToken(state, user.id);
  const step = enrollmentStep(user, token);
  return {
    login: user.login,
    firstName: user.firstName,
    lastName: user.lastName,
    applications: user.nasdaqApplications,
    token: token ? toTokenView(token) : null,
    step,
    ...(token && step === "ADD_TOKEN"
      ? { addToken: { qrUri: mobilePassUri(token), activationString: activationString(token) } }
      : {}),
  };
}

export function toSessionState(
  state: MockState,
  session: NasdaqSession | null,
): NasdaqSessionState {
  const user = session ? userById(state, session.userId) : null;
  if (!user) return { session: null };
  return {
    session: {
      username: user.login,
      firstName: user.firstName,
      lastName: user.lastName,
      applications: user.nasdaqApplications,
    },
  };
}

/** The user's token at the step the request belongs to; otherwise the enrollment moved on. */
function tokenAt(state: MockState, user: User, step: NasdaqEnrollment["step"]) {
  const token = liveToken(state, user.id);
  if (!token) throw new Refusal(409, "NO_TOKEN", "No MobilePASS token has been issued to you.");
  if (enrollmentStep(user, token) !== step)
    throw new Refusal(409, "WRONG_STEP", "This enrollment step is over or not reached yet.");
  return token;
}

const ACTIVATION_ERRORS = {
  noToken: [409, "NO_TOKEN", "No MobilePASS token has been issued to you."],
  invalid: [400, "ACTIVATION_INVALID", "This activation code is not valid."],
  expired: [410, "ACTIVATION_EXPIRED", "This activation code has expired."],
  used: [410, "ACTIVATION_USED", "This activation code has already been used."],
  revoked: [410, "ACTIVATION_REVOKED", "This MobilePASS token was revoked."],
  enrolled: [409, "WRONG_STEP", "This token is already enrolled."],
} as const;

/** Enrollment, step 1: the emailed activation code (single use, 7 days). */
export async function activate(ctx: Context, user: User, code: string): Promise<void> {
  const result = await activateToken(ctx.state, user, code, ctx.now);
  if (result !== "activated") {
    const [status, errorCode, message] = ACTIVATION_ERRORS[result];
    throw new Refusal(status, errorCode, message);
  }
}

/** Enrollment, step 2: the 2FA-Password, under the guide's password policy. */
export async function setTwoFactorPassword(ctx: Context, user: User, password: string) {
  tokenAt(ctx.state, user, "PASSWORD");
  const broken = await twoFactorPasswordRulesBroken(user, password, ctx.now);
  if (broken.length > 0)
    throw new Refusal(400, "PASSWORD_POLICY", "The password does not meet the requirements.", {
      rules: broken,
    });
  await storeTwoFactorPassword(user, password, ctx.now);
}

/** Enrollment, step 3: one passcode from the MobilePASS app proves the token was added. */
export function proveEnrollment(ctx: Context, user: User, passcode: string): void {
  const token = tokenAt(ctx.state, user, "ADD_TOKEN");
  const result = proveToken(ctx, user, token, passcode);
  if (result === "replayed")
    throw new Refusal(400, "CODE_ALREADY_USED", "That passcode has already been used.");
  if (result !== "ok") throw new Refusal(400, "INVALID_CODE", "That passcode is not right.");
}

/**
 * Settings' Remove, by the token's owner: a removal, so with the password and a method verified
 * for it (`verified` uses that verification up), as a security method's removal is.
 */
export function removeOwnToken(ctx: Context, user: User, verified: () => void): void {
  const token = liveToken(ctx.state, user.id);
  if (!token) throw new Refusal(404, "NOT_FOUND", "You have no MobilePASS token.");
  verified();
  revokeToken(ctx, user, token, true);
}

/**
 * The "Two-Factor Authentication" window: User Name, 2FA-Password and Passcode. One message for
 * any wrong part; a new Nasdaq session at every login (an id seen before is worthless, SECURITY 20).
 */
export async function logIn(
  ctx: Context,
  current: NasdaqSession | null,
  typed: { username: string; password: string; passcode: string },
): Promise<NasdaqSession> {
  const result = await nasdaqLogin(ctx, typed);
  if (result.result === "locked")
    throw new Refusal(403, "ACCOUNT_LOCKED", "This login is locked.", {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  if (result.result === "failed") throw new Refusal(401, "INVALID_CREDENTIALS", LOGIN_FAILED);
  if (current) endNasdaqSession(ctx.state, current);
  return startNasdaqSession(ctx.state, result.user, ctx.now);
}

export function endNasdaqSession(state: MockState, session: NasdaqSession | null): void {
  state.nasdaqSessions = state.nasdaqSessions.filter((s) => s !== session);
}

/** The user's token (masked) and Nasdaq lockout, as an administrator sees them. */
export function toAdminMobilePass(state: MockState, user: User, now: number): AdminMobilePass {
  const token = liveToken(state, user.id);
  const locked = nasdaqLockedUntil(state, user, now);
  return {
    applications: user.nasdaqApplications,
    token: token ? toTokenView(token) : null,
    lockedUntil: locked === null ? null : iso(locked),
    issueRefusal: issueRefusal(state, user),
  };
}

/** Each MobilePASS action of an administrator, as the audit log names it. */
export const MOBILEPASS_AUDIT_ACTIONS: Record<MobilePassAdminAction, AdminAction> = {
  issue: "issueMobilePass",
  resend: "resendMobilePass",
  revoke: "revokeMobilePass",
  reissue: "reissueMobilePass",
  unlock: "unlockNasdaqLogin",
};

const ISSUE_REFUSALS = {
  USER_STATUS: "A MobilePASS token is issued only to an Active account.",
  SHARED_ADDRESS: "A MobilePASS token is issued only to an individual address, not a shared one.",
  NOT_ENTITLED: "The user is not entitled to any Nasdaq application.",
  TOKEN_EXISTS: "The user already has a MobilePASS token: Resend, Revoke or Reissue it.",
} as const;

/** Why an administrator's MobilePASS action cannot be done to this user now (409), if it cannot. */
export function assertMobilePassActionAllowed(
  ctx: Context,
  action: MobilePassAdminAction,
  user: User,
): void {
  const token = liveToken(ctx.state, user.id);
  if (action === "issue" || action === "reissue") {
    const refusal = issueRefusal(ctx.state, user);
    const ignored = action === "reissue" ? "TOKEN_EXISTS" : null;
    if (refusal && refusal !== ignored) throw new Refusal(409, refusal, ISSUE_REFUSALS[refusal]);
  }
  if (action !== "issue" && action !== "unlock" && !token)
    throw new Refusal(409, "NO_TOKEN", "The user has no MobilePASS token.");
  if (action === "resend" && token?.enrolledAt)
    throw new Refusal(409, "USER_STATUS", "The token is already enrolled: nothing to resend.");
  if (action === "unlock" && nasdaqLockedUntil(ctx.state, user, ctx.now) === null)
    throw new Refusal(409, "USER_STATUS", "The user's Nasdaq login is not locked.");
}

/** Does an allowed MobilePASS action; returns what the audit log says of it. */
export async function doMobilePassAction(
  ctx: Context,
  admin: Administrator,
  action: MobilePassAdminAction,
  user: User,
): Promise<string> {
  const token = liveToken(ctx.state, user.id);
  if (action === "unlock") {
    unlockNasdaqLogin(ctx.state, user);
    const detail = "Nasdaq login unlocked";
    recordActivity(ctx.state, {
      userId: user.id,
      type: "administrator_change",
      at: ctx.now,
      userAgent: ctx.userAgent,
      detail,
    });
    return detail;
  }
  if (action === "resend" && token) {
    await resendActivation(ctx, user, token);
    return `MobilePASS activation code sent again (token ${token.serial})`;
  }
  if (action === "revoke" && token) {
    revokeToken(ctx, user, token, false);
    return `MobilePASS token ${token.serial} revoked`;
  }
  if (token) revokeToken(ctx, user, token, false);
  const issued = await issueToken(ctx, user, admin.user.id);
  return token
    ? `MobilePASS token ${token.serial} revoked and ${issued.serial} issued`
    : `MobilePASS token ${issued.serial} issued`;
}

/**
 * The Order Form's Nasdaq applications, changed on the user's page. A token left with no
 * application to open is revoked (the user is emailed, as for Revoke): the audit event says so.
 */
export function editNasdaqApplications(
  ctx: Context,
  admin: Administrator,
  user: User,
  applications: readonly NasdaqApplication[],
): string {
  if (user.status === "DEACTIVATED")
    throw new Refusal(409, "USER_STATUS", "The user is deactivated.");
  user.nasdaqApplications = NASDAQ_APPLICATIONS.filter((a) => applications.includes(a));
  const what = `Nasdaq applications set: ${user.nasdaqApplications.join(", ") || "none"}`;
  notifyAdministratorChange(ctx, {
    user,
    what,
    subject: "Nasdaq applications changed",
    by: admin.role,
  });
  const token = liveToken(ctx.state, user.id);
  if (user.nasdaqApplications.length > 0 || !token) return what;
  revokeToken(ctx, user, token, false);
  return `${what}; MobilePASS token ${token.serial} revoked`;
}

/** What the development phone's MobilePASS app shows: each token added to it, with its passcode. */
export function devMobilePass(state: MockState, now: number): DevMobilePassApp {
  const tokens = state.devMobilePass.flatMap((id) => {
    const token = state.mobilePassTokens.find((t) => t.id === id);
    const user = token ? userById(state, token.userId) : null;
    if (!token || !user) return [];
    return [
      { serial: token.serial, username: user.login, passcode: generateTotp(token.secret, now) },
    ];
  });
  return { tokens };
}

/** The development phone's MobilePASS app takes a token's activation string, as typed. */
export function addToDevMobilePass(state: MockState, activation: string): void {
  const secret = activation.replace(/\s/g, "").toUpperCase();
  const token = state.mobilePassTokens.find(
    (t) => t.secret === secret && t.revokedAt === null && t.activation.usedAt !== null,
  );
  if (!token) throw new Refusal(404, "ACTIVATION_INVALID", "This activation string is not valid.");
  if (!state.devMobilePass.includes(token.id)) state.devMobilePass.push(token.id);
}
