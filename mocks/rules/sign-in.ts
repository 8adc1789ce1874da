import type { AuthnState } from "../../src/api/contracts/authn";
import { recordActivity } from "../db/activity";
import { removeSession, rotateSession, startSession, userById, userByLogin } from "../db/sessions";
import type { MockState, Session, User } from "../db/state";
import type { Context } from "./context";
import { clearFailures } from "./lockout";
import { Refusal } from "./refusal";
import { toVerificationState, type VerificationFlow } from "./verification";

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
  return session.notice && status !== "SUCCESS" ? { ...view, notice: session.notice } : view;
}

/**
 * A sign-in starts with a username, in a new session (any earlier one of this browser ends). An
 * unknown or inactive username goes on the same way: the answers never tell which exist.
 */
export function identify(ctx: Context, username: string): void {
  const session = startOver(ctx);
  const user = userByLogin(ctx.state, username);
  session.login = username.toLowerCase();
  session.userId = user && user.status === "ACTIVE" ? user.id : null;
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
  passwordVerified(_ctx, { session, user }) {
    // Guide Section 3, step 4a: with no access method yet, the password leads to set-up. With one,
    // it is always asked for: a password alone must never reach the set-up of more methods.
    session.stage = user.methods.length > 0 ? "FACTOR" : "ENROLLING";
  },
  completed(ctx, { session, user }, lastUsed) {
    completeSignIn(ctx, session, user, lastUsed);
  },
  view: (ctx, session) => toAuthnState(ctx.state, session, ctx.now),
};
