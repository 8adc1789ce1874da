import type { RecoveryKind, RecoveryState } from "../../src/api/contracts/recovery";
import { EMAIL_FOOTER, send } from "../db/outbox";
import { answerMatches } from "../db/seed";
import { endSessions, removeSession, startSession, userById, userByLogin } from "../db/sessions";
import type { MockState, Recovery, Session, User } from "../db/state";
import type { Context } from "./context";
import { constantTimeEqual, hashSecret, randomDigits, randomId, sha256 } from "./crypto";
import { isoOrNull as iso } from "./dates";
import { clearFailures } from "./lockout";
import { notifySecurityChange } from "./notifications";
import { assertPasswordAllowed, storePassword } from "./passwords";
import { MINUTE, POLICY } from "./policy";
import { Refusal } from "./refusal";
import { refuseWhenFull, timesWithin } from "./send-limits";
import { startOver } from "./sign-in";

/**
 * "Unlock account?" and "Forgot password?": an emailed link or code, then the security question,
 * then (for a reset) a new password; the sign-in then goes on with a security method.
 */

// Compared against when there is no such user or no answer, so every path takes the same work.
const NOTHING = hashSecret("nothing to compare");

function toRecoveryState(state: MockState, session: Session): RecoveryState {
  const recovery = session.recovery;
  if (!recovery) {
    // Handed over to sign-in: the password after an unlock, a security method after a reset.
    const kind = session.notice === "passwordReset" ? "reset" : "unlock";
    return {
      kind,
      stage: "DONE",
      username: session.login ?? "",
      question: null,
      sentAt: null,
      resendAt: null,
      firstName: null,
      lastName: null,
    };
  }
  const user = userById(state, session.userId);
  const asking = recovery.stage === "QUESTION" || recovery.stage === "NEW_PASSWORD";
  return {
    kind: recovery.kind,
    stage: recovery.stage,
    username: session.login ?? "",
    question: recovery.stage === "QUESTION" ? (user?.securityQuestion?.question ?? null) : null,
    sentAt: iso(recovery.sentAt),
    resendAt: iso(recovery.resendAt),
    firstName: asking ? (user?.firstName ?? null) : null,
    lastName: asking ? (user?.lastName ?? null) : null,
  };
}

export function recoveryInProgress(
  ctx: Context,
  stage?: Recovery["stage"],
): { session: Session; recovery: Recovery } {
  const session = ctx.session;
  const recovery = session?.stage === "RECOVERY" ? session.recovery : null;
  if (!session || !recovery)
    throw new Refusal(409, "RECOVERY_ENDED", "Start again from the Sign In page.");
  if (stage && recovery.stage !== stage)
    throw new Refusal(409, "WRONG_STEP", "This step is not the current one.");
  return { session, recovery };
}

/** A wrong code or answer: after a few, the recovery ends and must start again. */
function refuse(session: Session, recovery: Recovery, error: Refusal): never {
  recovery.failures += 1;
  if (recovery.failures >= POLICY.recoveryAttempts) {
    session.recovery = null;
    session.stage = "IDENTIFY";
    throw new Refusal(
      409,
      "RECOVERY_ENDED",
      "Too many wrong attempts. Start again from the Sign In page.",
    );
  }
  throw error;
}

/** Sends the unlock or reset email, within the per-account limit; unknown logins get none. */
async function sendRecoveryEmail(ctx: Context, session: Session, recovery: Recovery) {
  const login = session.login ?? "";
  if (recovery.resendAt !== null && ctx.now < recovery.resendAt) {
    throw new Refusal(429, "RATE_LIMITED", "Wait before asking for another email.", {
      retryAfterSeconds: Math.ceil((recovery.resendAt - ctx.now) / 1000),
    });
  }
  const recent = timesWithin(ctx.state.recoveryEmails, login, ctx.now, 15 * MINUTE);
  refuseWhenFull(
    recent,
    { max: POLICY.recoveryEmailsPerQuarterHour, windowMs: 15 * MINUTE },
    ctx.now,
    "Too many emails were sent. Try again later.",
  );
  ctx.state.recoveryEmails[login] = [...recent, ctx.now];
  const token = randomId(32);
  const code = randomDigits(6);
  const lifetime =
    recovery.kind === "unlock"
      ? POLICY.unlockLinkMinutes * MINUTE
      : POLICY.resetLinkHours * 60 * MINUTE;
  Object.assign(recovery, {
    stage: "SENT",
    tokenHash: await sha256(token),
    codeHash: await sha256(code),
    sentAt: ctx.now,
    resendAt: ctx.now + POLICY.resendAfterSeconds * 1000,
    expiresAt: ctx.now + lifetime,
  });
  const user = userById(ctx.state, session.userId);
  if (!user) return; // the same answer for an unknown login, but nothing is sent
  const unlock = recovery.kind === "unlock";
  const linkText = unlock ? "Unlock Account" : "Reset Password";
  send(ctx.state, {
    channel: "email",
    to: user.email,
    userId: user.id,
    subject: unlock
      ? "FINRA TRAQS - Account Unlock Requested"
      : "FINRA TRAQS - Password Reset Requested",
    text:
      `Hi ${user.firstName},\n\n` +
      (unlock
        ? "An account unlock request was made for your Okta account for FINRA TRAQS access. "
        : "A password reset request was made for your Okta account for FINRA TRAQS access. ") +
      "If you did not make this request, please report it: someone could be trying to access your account.\n\n" +
      `Click the link below to ${unlock ? "unlock the account" : "reset the password"} for your Username, ${user.login}\n\n` +
      `${linkText}\n\nAlternatively you can enter this code: ${code}\n\n` +
      `This link expires in ${unlock ? `${POLICY.unlockLinkMinutes} minutes` : `${POLICY.resetLinkHours} hours`}.\n\n${EMAIL_FOOTER}`,
    code,
    link: `/signin/recovery/link/${token}`,
    linkText,
    sentAt: ctx.now,
  });
}

/** The email is proven (link or code): on to the security question. */
function emailVerified(recovery: Recovery) {
  recovery.stage = "QUESTION";
  recovery.codeHash = null;
  recovery.tokenHash = null;
}

/** Where this browser's recovery stands after a step (every step needs, or starts, a session). */
export function recoveryStateOf(ctx: Context): RecoveryState {
  const { session } = ctx;
  if (!session) throw new Refusal(409, "RECOVERY_ENDED", "Start again from the Sign In page.");
  return toRecoveryState(ctx.state, session);
}

/** "Unlock account?" or "Forgot password?" with a username: the same answer for any username. */
export function startRecovery(ctx: Context, kind: RecoveryKind, username: string): void {
  const session = startOver(ctx);
  const user = userByLogin(ctx.state, username);
  session.stage = "RECOVERY";
  session.login = username.toLowerCase();
  session.userId = user?.status === "ACTIVE" ? user.id : null;
  session.recovery = {
    kind,
    stage: "SEND",
    codeHash: null,
    tokenHash: null,
    sentAt: null,
    resendAt: null,
    expiresAt: null,
    failures: 0,
  };
}

/** "Send me an email" and "Send again". */
export async function sendRecovery(ctx: Context): Promise<void> {
  const { session, recovery } = recoveryInProgress(ctx);
  if (recovery.stage !== "SEND" && recovery.stage !== "SENT")
    throw new Refusal(409, "WRONG_STEP", "The email was already verified.");
  await sendRecoveryEmail(ctx, session, recovery);
}

/** "Enter a verification code instead". */
export async function verifyEmailCode(ctx: Context, code: string): Promise<void> {
  const { session, recovery } = recoveryInProgress(ctx, "SENT");
  if (recovery.expiresAt === null || ctx.now > recovery.expiresAt) {
    refuse(
      session,
      recovery,
      new Refusal(401, "CODE_EXPIRED", "That code has expired. Send a new one."),
    );
  }
  const ok = recovery.codeHash !== null && constantTimeEqual(await sha256(code), recovery.codeHash);
  // An unknown login never gets past this step: no email was sent, no code can match.
  if (!ok || !session.userId)
    refuse(session, recovery, new Refusal(401, "INVALID_CODE", "That code is not right."));
  emailVerified(recovery);
}

/** The email's link, opened in this browser or another: the recovery goes on here. */
export async function openRecoveryLink(ctx: Context, token: string): Promise<void> {
  const tokenHash = await sha256(token);
  const owner = ctx.state.sessions.find(
    (s) => s.recovery?.tokenHash && constantTimeEqual(s.recovery.tokenHash, tokenHash),
  );
  const recovery = owner?.recovery;
  if (!owner || !recovery || recovery.expiresAt === null || ctx.now > recovery.expiresAt) {
    throw new Refusal(410, "RECOVERY_ENDED", "This link has expired or was already used.");
  }
  emailVerified(recovery);
  // The link's browser takes over the recovery with a new session; the old one ends.
  removeSession(ctx.state, owner.id);
  if (ctx.session && ctx.session.id !== owner.id) removeSession(ctx.state, ctx.session.id);
  const session = startSession(ctx.state, ctx.now, ctx.userAgent);
  Object.assign(session, {
    stage: "RECOVERY",
    login: owner.login,
    userId: owner.userId,
    recovery,
  });
  ctx.session = session;
}

/** "Verify with your Security Question": a reset goes on to the new password, an unlock is done. */
export async function answerSecurityQuestion(ctx: Context, typed: string): Promise<void> {
  const { session, recovery } = recoveryInProgress(ctx, "QUESTION");
  const user = userById(ctx.state, session.userId);
  const stored = user?.securityQuestion?.answer;
  const right = await answerMatches(typed, stored ?? (await NOTHING));
  if (!user || !stored || !right) {
    refuse(session, recovery, new Refusal(401, "INVALID_ANSWER", "That answer is not right."));
  }
  if (recovery.kind === "reset") recovery.stage = "NEW_PASSWORD";
  else unlocked(ctx, session, user);
}

/** Forgot password: the new password (every rule, history included), then the second factor. */
export async function recoverPassword(ctx: Context, password: string): Promise<void> {
  const { session } = recoveryInProgress(ctx, "NEW_PASSWORD");
  const user = userById(ctx.state, session.userId) as User;
  // The minimum age guards against cycling through passwords, not against a forgotten one:
  // whoever proved the email and the answer may reset again the same day.
  await assertPasswordAllowed(user, password, ctx.now, { minimumAge: false });
  await storePassword(user, password, ctx.now);
  clearFailures(ctx.state, user.login);
  // A reset is what a user does after a compromise: whoever else is signed in is not any more.
  endSessions(ctx.state, user.id, session);
  notifySecurityChange(ctx, {
    user,
    type: "password_recovered",
    what: "Password",
    subject: "FINRA TRAQS - Password reset",
    note: "You have been signed out of all other devices.",
  });
  // Email is not an authenticator: the sign-in still needs a security method.
  backToSignIn(session, "FACTOR", "passwordReset");
}

/** Unlock: the lock is lifted, and the user signs in (password, then a security method). */
function unlocked(ctx: Context, session: Session, user: User) {
  clearFailures(ctx.state, user.login);
  // Unlocks are announced like every security change (SECURITY 8): email and Recent Activity.
  notifySecurityChange(ctx, {
    user,
    type: "account_unlocked",
    what: "Account unlocked",
    subject: "FINRA TRAQS - Account unlocked",
  });
  backToSignIn(session, "PASSWORD", "unlocked");
}

/** The recovery is over: the sign-in goes on at `stage`, saying what the recovery did. */
function backToSignIn(
  session: Session,
  stage: "PASSWORD" | "FACTOR",
  notice: NonNullable<Session["notice"]>,
) {
  session.recovery = null;
  session.stage = stage;
  session.notice = notice;
}
