import type { AuthnState } from "../../src/api/contracts/authn";
import { recordActivity } from "../db/activity";
import { removeSession, rotateSession, startSession, userById, userByLogin } from "../db/sessions";
import type { MockState, Session, User } from "../db/state";
import { EMAIL_FOOTER, send } from "../db/outbox";
import type { Context } from "./context";
import { iso } from "./dates";
import { constantTimeEqual, randomDigits, sha256 } from "./crypto";
import { assertNotLocked, clearFailures } from "./lockout";
import { MINUTE, POLICY } from "./policy";
import { Refusal } from "./refusal";
import { recordSend, sendWaitSeconds } from "./send-limits";
import {
  failFactor,
  requireStage,
  toVerificationState,
  withUser,
  type VerificationFlow,
} from "./verification";

/**
 * The end of a successful sign-in (or of a finished enrollment): a fresh session id, the method
 * remembered for next time, the failure count cleared, and the TRAQS username chosen when there is
 * only one.
 */
export function completeSignIn(
  ctx: { state: MockState; now: number; userAgent: string },
  session: Session,
  user: User,
  lastUsed: User["lastUsed"],
): void {
  rotateSession(session);
  session.stage = "SUCCESS";
  session.challenge = null;
  session.pending = {};
  const [only] = user.traqsUsernames;
  session.traqsUsername = user.traqsUsernames.length === 1 && only?.active ? only.username : null;
  if (lastUsed) user.lastUsed = lastUsed;
  user.lastSignInAt = ctx.now;
  clearFailures(ctx.state, user.login);
  recordActivity(ctx.state, {
    userId: user.id,
    type: "sign_in",
    at: ctx.now,
    userAgent: ctx.userAgent,
  });
}

/** The signed-in session and user of this request, or a 401 that sends the app to sign in. */
export function signedInUser(ctx: Context): { session: Session; user: User } {
  const session = ctx.session;
  const user = session?.stage === "SUCCESS" ? userById(ctx.state, session.userId) : null;
  if (!session || !user) throw new Refusal(401, "UNAUTHENTICATED", "Sign in to continue.");
  return { session, user };
}

const IDENTIFY: AuthnState = {
  status: "IDENTIFY",
  username: null,
  factors: [],
  lastUsed: null,
  sendPushAutomatically: false,
  challenge: null,
};

/** What the sign-in screens are told: never a secret, a code or a full phone number. */
export function toAuthnState(state: MockState, session: Session | null, now: number): AuthnState {
  if (!session || session.stage === "IDENTIFY" || session.stage === "RECOVERY") return IDENTIFY;
  // Until the password is right, nothing about the account is shown (it may not even exist).
  const user = session.stage === "PASSWORD" ? null : userById(state, session.userId);
  const status = session.stage === "ENROLLING" ? "ENROLL" : session.stage;
  const view = toVerificationState(
    state,
    { status, username: session.login, user, challenge: session.challenge },
    now,
  );
  const emailed = session.emailCode;
  const withCode =
    emailed && user && status === "FACTOR"
      ? {
          ...view,
          emailCode: {
            maskedEmail: maskEmail(user.email),
            sentAt: iso(emailed.sentAt),
            resendAt: iso(emailed.resendAt),
          },
        }
      : view;
  return session.notice && status !== "SUCCESS"
    ? { ...withCode, notice: session.notice }
    : withCode;
}

/**
 * A sign-in starts with a username, in a new session (any earlier one of this browser ends). An
 * unknown or inactive username goes on the same way: the answers never tell which exist.
 */
export function identify(ctx: Context, username: string): void {
  const session = startOver(ctx);
  const user = userByLogin(ctx.state, username);
  session.login = username.toLowerCase();
  // A suspended or deactivated account is told so, but only after its right password.
  session.userId = user && user.status !== "STAGED" ? user.id : null;
  session.stage = "PASSWORD";
}

/**
 * A new session for this browser (a sign-in, an activation, a recovery), ending the one it had:
 * one browser is in one sign-in at a time.
 */
export function startOver(ctx: Context): Session {
  if (ctx.session) removeSession(ctx.state, ctx.session.id);
  ctx.session = startSession(ctx.state, ctx.now, ctx.userAgent);
  return ctx.session;
}

/** Cancel: the sign-in in progress ends. */
export function cancelSignIn(ctx: Context): void {
  if (ctx.session) removeSession(ctx.state, ctx.session.id);
  ctx.session = null;
}

/** Sign out: the session ends on the server, not only in the browser. */
export function signOut(ctx: Context): void {
  const session = ctx.session;
  cancelSignIn(ctx);
  if (session?.userId && session.stage === "SUCCESS") {
    recordActivity(ctx.state, {
      userId: session.userId,
      type: "sign_out",
      at: ctx.now,
      userAgent: ctx.userAgent,
    });
  }
}

/** The sign-in: the transaction lives on the session itself. */
export const signInFlow: VerificationFlow = {
  kind: "sign-in",
  load(ctx) {
    const session = ctx.session;
    if (!session)
      throw new Refusal(
        409,
        "WRONG_STEP",
        "This sign-in step is not the current one. Start again.",
      );
    return {
      session,
      tx: session,
      user: userById(ctx.state, session.userId),
      login: session.login ?? "",
    };
  },
  async passwordVerified(ctx, { session, user }) {
    const refusal = signInRefusal(user);
    if (refusal) throw new Refusal(403, refusal.code, refusal.message);
    if (user.methods.length > 0) delete user.methodsReset;
    // After an administrator's reset of the methods, the password alone is not enough: a code
    // sent to the primary email comes next, then the set-up.
    if (user.methodsReset) {
      await sendEmailCode(ctx, session, user);
      session.stage = "FACTOR";
      return;
    }
    // Guide Section 3, step 4a: with no access method yet, the password leads to set-up. With one,
    // it is always asked for: a password alone must never reach the set-up of more methods.
    session.stage = user.methods.length > 0 ? "FACTOR" : "ENROLLING";
  },
  completed(ctx, { session, user }, lastUsed) {
    completeSignIn(ctx, session, user, lastUsed);
  },
  view: (ctx, session) => toAuthnState(ctx.state, session, ctx.now),
};

/** "s***@yourfirm.org": enough to recognise one's own address, no more. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  return `${email.slice(0, Math.min(1, at))}***${email.slice(at)}`;
}

/**
 * The sign-in after an administrator reset the security methods (lost phone): the password is
 * not enough, so a code goes to the primary email, and only then the set-up. Each send replaces
 * the code before it. The account's limits hold across its sign-ins, as for a phone's codes: no
 * flood of emails by signing in again and again (429 RATE_LIMITED, before anything changes).
 */
export async function sendEmailCode(
  ctx: { state: MockState; now: number },
  session: Session,
  user: User,
): Promise<void> {
  const limitKey = `email-code:${user.id}`;
  const wait = sendWaitSeconds(ctx.state, limitKey, ctx.now);
  if (wait > 0)
    throw new Refusal(429, "RATE_LIMITED", "Wait before asking for another code.", {
      retryAfterSeconds: wait,
    });
  recordSend(ctx.state, limitKey, ctx.now);
  const code = randomDigits(6);
  session.emailCode = {
    codeHash: await sha256(code),
    sentAt: ctx.now,
    resendAt: ctx.now + POLICY.resendAfterSeconds * 1000,
    expiresAt: ctx.now + POLICY.emailCodeMinutes * MINUTE,
  };
  send(ctx.state, {
    channel: "email",
    to: user.email,
    userId: user.id,
    subject: "FINRA TRAQS - Sign-in verification code",
    text:
      `Hi ${user.firstName},\n\nAn administrator reset the security methods of your account ` +
      `${user.login}. To sign in and set them up again, enter this code:\n\n${code}\n\n` +
      `This code expires in ${POLICY.emailCodeMinutes} minutes. If you did not try to sign in, ` +
      `contact your firm's administrator.\n\n${EMAIL_FOOTER}`,
    code,
    sentAt: ctx.now,
  });
}

/** A suspended or deactivated account cannot sign in, and is told so once the password is right. */
export function signInRefusal(
  user: User,
): { code: "ACCOUNT_SUSPENDED" | "ACCOUNT_DEACTIVATED"; message: string } | null {
  if (user.status === "SUSPENDED")
    return {
      code: "ACCOUNT_SUSPENDED",
      message: "Your account is suspended. Contact your firm's Super Account Administrator.",
    };
  if (user.status === "DEACTIVATED")
    return {
      code: "ACCOUNT_DEACTIVATED",
      message:
        "Your account has been deactivated. Contact your firm's Super Account Administrator.",
    };
  return null;
}

/** The emailed sign-in code's step: not locked, not expired, right; then the set-up. */
export async function verifyEmailCode(ctx: Context, code: string): Promise<void> {
  const found = withUser(signInFlow.load(ctx));
  const emailed = emailCodeOf(ctx, found);
  if (ctx.now > emailed.expiresAt)
    failFactor(
      ctx,
      found,
      "email",
      new Refusal(401, "CODE_EXPIRED", "That code has expired. Send a new one."),
    );
  if (!constantTimeEqual(await sha256(code), emailed.codeHash))
    failFactor(ctx, found, "email", new Refusal(401, "INVALID_CODE", "That code is not right."));
  found.session.emailCode = null;
  found.session.stage = "ENROLLING";
}

/** "Send again": a new code replaces the one before, after a short wait. */
export async function resendEmailCode(ctx: Context): Promise<void> {
  const found = withUser(signInFlow.load(ctx));
  const emailed = emailCodeOf(ctx, found);
  if (ctx.now < emailed.resendAt)
    throw new Refusal(429, "RATE_LIMITED", "Wait before asking for another code.", {
      retryAfterSeconds: Math.ceil((emailed.resendAt - ctx.now) / 1000),
    });
  await sendEmailCode(ctx, found.session, found.user);
}

/** The code this sign-in was emailed, at its step, for an account that is not locked. */
function emailCodeOf(ctx: Context, found: ReturnType<typeof withUser>) {
  requireStage(found, "FACTOR");
  const emailed = found.session.emailCode;
  if (!emailed) throw new Refusal(409, "WRONG_STEP", "No code was emailed.");
  assertNotLocked(ctx.state, found.login, ctx.now);
  return emailed;
}
