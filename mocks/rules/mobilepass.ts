import {
  NASDAQ_APPLICATION_NAMES,
  type IssueRefusal,
  type MobilePassToken as MobilePassTokenView,
} from "../../src/api/contracts/nasdaq";
import { recordActivity } from "../db/activity";
import { send } from "../db/outbox";
import { userById, userByLogin } from "../db/sessions";
import type { ActivityType, MockState, MobilePassToken, User } from "../db/state";
import { constantTimeEqual, randomDigits, randomId, secretMatches, sha256 } from "./crypto";
import { iso } from "./dates";
import { countFailure, lockedUntilIn } from "./lockout";
import { notifySecurityChange } from "./notifications";
import { passwordRulesBroken, withNewPassword } from "./passwords";
import { DAY, MINUTE, POLICY } from "./policy";
import { isSharedAddress } from "./order-form";
import { newUnambiguousCode } from "./recovery-codes";
import { checkTotp, newTotpSecret, totpUri } from "./totp";

/** The MobilePASS app shows the token under this issuer. */
export const MOBILEPASS_ISSUER = "Nasdaq MobilePASS";
/** 12 characters of the unambiguous alphabet: about 59 bits, single use, 7 days. */
const ACTIVATION_CODE_LENGTH = 12;
/** The seed's "Questions regarding 2FA, enrollment or login issues". */
export const NASDAQ_2FA_SUPPORT = "+46 8 405 6280";
const NASDAQ_EMAIL_FOOTER =
  `Questions regarding 2FA, enrollment or login issues: ${NASDAQ_2FA_SUPPORT}\n` +
  "This is an automatically generated message. Replies are not monitored or answered.";

type Ctx = { state: MockState; now: number; userAgent: string };

const normalCode = (code: string) => code.replace(/[\s-]/g, "").toUpperCase();

/** The user's token that is not revoked (at most one), whatever its stage. */
export function liveToken(state: MockState, userId: string): MobilePassToken | null {
  return state.mobilePassTokens.find((t) => t.userId === userId && t.revokedAt === null) ?? null;
}

export function tokenStatus(token: MobilePassToken): MobilePassTokenView["status"] {
  if (token.enrolledAt !== null) return "enrolled";
  return token.activation.usedAt === null ? "issued" : "activated";
}

export function toTokenView(token: MobilePassToken): MobilePassTokenView {
  return {
    serial: token.serial,
    status: tokenStatus(token),
    issuedAt: iso(token.issuedAt),
    activationExpiresAt: iso(token.activation.expiresAt),
    enrolledAt: token.enrolledAt === null ? null : iso(token.enrolledAt),
    lastUsedAt: token.lastUsedAt === null ? null : iso(token.lastUsedAt),
  };
}

/** The activation string typed into the MobilePASS app: the token's seed in groups of four. */
export function activationString(token: MobilePassToken): string {
  return token.secret.replace(/(.{4})(?=.)/g, "$1 ");
}

export function mobilePassUri(token: MobilePassToken): string {
  return totpUri(token.secret, token.serial, MOBILEPASS_ISSUER);
}

function activity(ctx: Ctx, userId: string, type: ActivityType, detail?: string) {
  recordActivity(ctx.state, {
    userId,
    type,
    at: ctx.now,
    userAgent: ctx.userAgent,
    ...(detail ? { detail } : {}),
  });
}

/** A new activation code for the token, emailed with the self-enrollment link; 7 days, once. */
async function sendActivation(ctx: Ctx, user: User, token: MobilePassToken): Promise<string> {
  const code = newUnambiguousCode(ACTIVATION_CODE_LENGTH);
  const expiresAt = ctx.now + POLICY.mobilePassActivationDays * DAY;
  token.activation = { codeHash: await sha256(normalCode(code)), expiresAt, usedAt: null };
  const applications = user.nasdaqApplications.map((a) => NASDAQ_APPLICATION_NAMES[a]).join(", ");
  const linkText = "Enroll your MobilePASS token";
  send(ctx.state, {
    channel: "email",
    to: user.email,
    userId: user.id,
    subject: "Nasdaq 2FA - Your MobilePASS token",
    text:
      `Hi ${user.firstName},\n\nA MobilePASS token (serial ${token.serial}) has been issued to you ` +
      `for the Nasdaq web applications: ${applications}.\n\nInstall the SafeNet MobilePASS app, then ` +
      "follow the self-enrollment link below and sign in with your Okta account:\n\n" +
      `${linkText}\n\nYour activation code: ${code}\nIt works once, until ` +
      `${new Date(expiresAt).toUTCString()} (${POLICY.mobilePassActivationDays} days).\n\n` +
      NASDAQ_EMAIL_FOOTER,
    code,
    link: `/nasdaq/enroll/${encodeURIComponent(code)}`,
    linkText,
    sentAt: ctx.now,
  });
  return code;
}

/** Issues a token to the user (eligibility is the caller's: `issueRefusal`), and emails it. */
export async function issueToken(ctx: Ctx, user: User, issuedBy: string): Promise<MobilePassToken> {
  const token: MobilePassToken = {
    id: randomId(),
    userId: user.id,
    serial: `MP${randomDigits(10)}`,
    secret: newTotpSecret(),
    lastUsedStep: 0,
    activation: { codeHash: "", expiresAt: 0, usedAt: null },
    issuedAt: ctx.now,
    issuedBy,
    enrolledAt: null,
    lastUsedAt: null,
    revokedAt: null,
  };
  ctx.state.mobilePassTokens.push(token);
  await sendActivation(ctx, user, token);
  activity(ctx, user.id, "mobilepass_issued", `MobilePASS token ${token.serial}`);
  return token;
}

/** Resend: a new activation code (the old one stops working), for a token not yet enrolled. */
export async function resendActivation(
  ctx: Ctx,
  user: User,
  token: MobilePassToken,
): Promise<"sent" | "enrolled"> {
  if (token.enrolledAt !== null) return "enrolled";
  // A fresh seed too: whatever was added to an app with the old activation is worthless.
  token.secret = newTotpSecret();
  await sendActivation(ctx, user, token);
  return "sent";
}

/**
 * Revokes the token: it stops at once (a lost device), and the user's Nasdaq sessions end with it.
 * `byUser`: removed by its owner in Settings (a security change, emailed as such).
 */
export function revokeToken(ctx: Ctx, user: User, token: MobilePassToken, byUser: boolean): void {
  token.revokedAt = ctx.now;
  ctx.state.nasdaqSessions = ctx.state.nasdaqSessions.filter((s) => s.userId !== user.id);
  const what = `MobilePASS token ${token.serial}`;
  if (byUser) {
    notifySecurityChange(ctx, {
      user,
      type: "mobilepass_revoked",
      what,
      subject: "FINRA TRAQS - MobilePASS token removed",
    });
    return;
  }
  activity(ctx, user.id, "mobilepass_revoked", what);
  send(ctx.state, {
    channel: "email",
    to: user.email,
    userId: user.id,
    subject: "Nasdaq 2FA - Your MobilePASS token was revoked",
    text:
      `Hi ${user.firstName},\n\nYour MobilePASS token ${token.serial} was revoked by an ` +
      "administrator: its passcodes no longer work.\n\n" +
      NASDAQ_EMAIL_FOOTER,
    sentAt: ctx.now,
  });
}

export type ActivationResult =
  "activated" | "noToken" | "invalid" | "expired" | "used" | "revoked" | "enrolled";

/**
 * Takes the emailed activation code for the user's token: single use, 7 days. A code of a token
 * that was revoked or replaced says so.
 */
export async function activateToken(
  state: MockState,
  user: User,
  typed: string,
  now: number,
): Promise<ActivationResult> {
  const hash = await sha256(normalCode(typed));
  const token = liveToken(state, user.id);
  if (token && constantTimeEqual(token.activation.codeHash, hash)) {
    if (token.enrolledAt !== null) return "enrolled";
    if (token.activation.usedAt !== null) return "used";
    if (now > token.activation.expiresAt) return "expired";
    token.activation.usedAt = now;
    return "activated";
  }
  const ended = state.mobilePassTokens.some(
    (t) => t.userId === user.id && t.revokedAt !== null && t.activation.codeHash === hash,
  );
  if (ended) return "revoked";
  return token ? "invalid" : "noToken";
}

/** The enrollment's next step for the user. */
export function enrollmentStep(user: User, token: MobilePassToken | null) {
  if (!token) return "NO_TOKEN" as const;
  const status = tokenStatus(token);
  if (status === "enrolled") return "DONE" as const;
  if (status === "issued") return "ACTIVATE" as const;
  return user.twoFactorPassword ? ("ADD_TOKEN" as const) : ("PASSWORD" as const);
}

/** The rules a new 2FA-Password breaks: the guide's policy, over its own history. */
export function twoFactorPasswordRulesBroken(user: User, password: string, now: number) {
  const stored = user.twoFactorPassword ?? { history: [] };
  // Set at each enrollment: a reissued token must not wait a day (the minimum age is for changes).
  return passwordRulesBroken(user, stored, password, now, { minimumAge: false });
}

export async function storeTwoFactorPassword(user: User, password: string, now: number) {
  const { current, history } = await withNewPassword(
    user.twoFactorPassword?.history ?? [],
    password,
  );
  user.twoFactorPassword = { current, history, changedAt: now };
}

export type PasscodeCheck = "ok" | "replayed" | "invalid";

/**
 * One passcode of the token, at the server's clock: the current step and one either side, each
 * once (as for Google Authenticator). `commit` false checks without spending it.
 */
export function checkPasscode(
  token: MobilePassToken,
  passcode: string,
  now: number,
  commit = true,
): PasscodeCheck {
  const check = checkTotp(token.secret, passcode, now, token.lastUsedStep);
  if (check.result === "replayed") return "replayed";
  if (check.result !== "ok") return "invalid";
  if (commit) token.lastUsedStep = check.step;
  return "ok";
}

/** Enrollment's proof: one passcode from the app the token was just added to. */
export function proveToken(ctx: Ctx, user: User, token: MobilePassToken, passcode: string) {
  const check = checkPasscode(token, passcode, ctx.now);
  if (check !== "ok") return check;
  token.enrolledAt = ctx.now;
  notifySecurityChange(ctx, {
    user,
    type: "mobilepass_enrolled",
    what: `MobilePASS token ${token.serial}`,
    subject: "FINRA TRAQS - MobilePASS token enrolled",
  });
  return check;
}

export type NasdaqLogin =
  | { result: "ok"; user: User; token: MobilePassToken }
  | { result: "failed" }
  | { result: "locked"; retryAfterSeconds: number };

const normalLogin = (login: string) => login.trim().toLowerCase();

/**
 * The "Two-Factor Authentication" window: User Name, 2FA-Password and Passcode, all three checked
 * every time, one answer whatever part is wrong. Failures count per typed User Name (unknown ones
 * too, so that the answers never tell which exist) and lock it for 15 minutes after 5.
 */
export async function nasdaqLogin(
  ctx: Ctx,
  typed: { username: string; password: string; passcode: string },
): Promise<NasdaqLogin> {
  const { state, now } = ctx;
  const key = normalLogin(typed.username);
  const locked = lockedUntilIn(state.nasdaqLoginAttempts, key, now);
  if (locked !== null)
    return { result: "locked", retryAfterSeconds: Math.ceil((locked - now) / 1000) };

  const user = userByLogin(state, key);
  const token = user ? liveToken(state, user.id) : null;
  const stored = user?.twoFactorPassword?.current;
  const passwordOk = stored ? await secretMatches(typed.password, stored) : false;
  const passcodeOk =
    token !== null &&
    token.enrolledAt !== null &&
    user?.status === "ACTIVE" &&
    checkPasscode(token, typed.passcode, now, false) === "ok";
  if (user && token && passwordOk && passcodeOk) {
    checkPasscode(token, typed.passcode, now);
    token.lastUsedAt = now;
    delete state.nasdaqLoginAttempts[key];
    activity(ctx, user.id, "nasdaq_sign_in", `MobilePASS token ${token.serial}`);
    return { result: "ok", user, token };
  }

  if (user) activity(ctx, user.id, "nasdaq_sign_in_failed");
  if (countFailure(state.nasdaqLoginAttempts, key, now) && user) {
    activity(ctx, user.id, "nasdaq_locked");
    send(state, {
      channel: "email",
      to: user.email,
      userId: user.id,
      subject: "Nasdaq 2FA - Login locked",
      text:
        `Hi ${user.firstName},\n\nYour Nasdaq login ${user.login} has been locked after too many ` +
        `unsuccessful attempts on the Two-Factor Authentication window.\nIt unlocks automatically ` +
        `after ${POLICY.lockoutMinutes} minutes, or call the help desk to unlock it sooner.\n\n` +
        "If you did not try to log in, your account may have been compromised; report it to your " +
        `organization.\n\n${NASDAQ_EMAIL_FOOTER}`,
      sentAt: now,
    });
  }
  return { result: "failed" };
}

/** Whether the user's Nasdaq login is locked now, and the help desk's unlock. */
export function nasdaqLockedUntil(state: MockState, user: User, now: number): number | null {
  return lockedUntilIn(state.nasdaqLoginAttempts, user.login, now);
}

export function unlockNasdaqLogin(state: MockState, user: User): void {
  delete state.nasdaqLoginAttempts[user.login];
}

/**
 * The Nasdaq applications' sessions end after the same idle time as the Okta dashboard's, and as
 * soon as the user is no longer active (suspended or deactivated).
 */
export function findNasdaqSession(state: MockState, id: string | undefined, now: number) {
  if (!id) return null;
  const session = state.nasdaqSessions.find((s) => constantTimeEqual(s.id, id));
  if (!session) return null;
  const active = userById(state, session.userId)?.status === "ACTIVE";
  if (!active || now - session.lastSeenAt > POLICY.sessionIdleMinutes * MINUTE) {
    state.nasdaqSessions = state.nasdaqSessions.filter((s) => s !== session);
    return null;
  }
  session.lastSeenAt = now;
  return session;
}

export function startNasdaqSession(state: MockState, user: User, now: number) {
  const session = { id: randomId(32), userId: user.id, createdAt: now, lastSeenAt: now };
  state.nasdaqSessions.push(session);
  return session;
}

/**
 * Why a token cannot be issued to the user now, or null: the token "will be provided by Nasdaq
 * only if you have a valid user account" (Active), individual (not a shared or generic address:
 * the Order Form's one list), entitled to a Nasdaq application, and without a live token.
 */
export function issueRefusal(state: MockState, user: User): IssueRefusal | null {
  if (user.status !== "ACTIVE") return "USER_STATUS";
  if (isSharedAddress(user.email)) return "SHARED_ADDRESS";
  if (user.nasdaqApplications.length === 0) return "NOT_ENTITLED";
  if (liveToken(state, user.id)) return "TOKEN_EXISTS";
  return null;
}
