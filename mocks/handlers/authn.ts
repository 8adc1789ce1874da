import { http } from "msw";
import { EmailCodeRequest, IdentifyRequest, type AuthnState } from "../../src/api/contracts/authn";
import { removeSession, startSession, userById, userByLogin } from "../db/sessions";
import type { MockState, Session } from "../db/state";
import type { MockDb } from "../db/store";
import { constantTimeEqual, sha256 } from "../rules/crypto";
import { completeSignIn, maskEmail, sendEmailCode, signInRefusal } from "../rules/sign-in";
import { HandlerError, readBody, route } from "./http";
import { passkeySignInHandlers, passkeyVerificationHandlers } from "./passkeys";
import { withSession, type SessionContext } from "./session-context";
import {
  assertNotLocked,
  failFactor,
  requireStage,
  toVerificationState,
  verificationHandlers,
  withUser,
  type VerificationFlow,
} from "./verification";

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
            resendAt: new Date(emailed.resendAt).toISOString(),
            expiresAt: new Date(emailed.expiresAt).toISOString(),
          },
        }
      : view;
  return session.notice && status !== "SUCCESS"
    ? { ...withCode, notice: session.notice }
    : withCode;
}

/** The sign-in: the transaction lives on the session itself. */
const signIn: VerificationFlow = {
  base: "/api/authn",
  kind: "sign-in",
  load(ctx) {
    const session = ctx.session;
    if (!session)
      throw new HandlerError(
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
    if (refusal) throw new HandlerError(403, refusal.code, refusal.message);
    if (user.methods.length > 0) delete user.methodsReset;
    // After an administrator's reset of the methods, the password alone is not enough: a code
    // sent to the primary email comes next, then the set-up.
    if (user.methodsReset) {
      session.stage = "FACTOR";
      await sendEmailCode(ctx, session, user);
      return;
    }
    // Guide Section 3, step 4a: with no access method yet, the password leads to set-up. With one,
    // it is always asked for: a password alone must never reach the set-up of more methods.
    session.stage = user.methods.length > 0 ? "FACTOR" : "ENROLLING";
  },
  completed(ctx, { session, user }, lastUsed) {
    completeSignIn(ctx, session, user, lastUsed);
  },
  view: (ctx: SessionContext, session) => toAuthnState(ctx.state, session, ctx.now),
};

export function authnHandlers(db: MockDb) {
  const answer = (ctx: SessionContext, session: Session | null) => ({
    session,
    body: toAuthnState(ctx.state, session, ctx.now),
  });
  return [
    http.get(route("/api/authn"), ({ request, cookies }) =>
      withSession(db, request, cookies, async (ctx) => answer(ctx, ctx.session)),
    ),

    http.post(route("/api/authn/identify"), ({ request, cookies }) =>
      withSession(db, request, cookies, async (ctx) => {
        const { username } = await readBody(request, IdentifyRequest);
        if (ctx.session) removeSession(ctx.state, ctx.session.id);
        const session = startSession(ctx.state, ctx.now, ctx.userAgent);
        const user = userByLogin(ctx.state, username);
        session.login = username.toLowerCase();
        // A suspended or deactivated account is told so, but only after its right password.
        session.userId = user && user.status !== "STAGED" ? user.id : null;
        session.stage = "PASSWORD";
        return answer(ctx, session);
      }),
    ),

    ...verificationHandlers(db, signIn),

    /** The code emailed after an administrator's reset of the security methods: then the set-up. */
    http.post(route("/api/authn/email-code"), ({ request, cookies }) =>
      withSession(db, request, cookies, async (ctx) => {
        const { code } = await readBody(request, EmailCodeRequest);
        const found = withUser(signIn.load(ctx));
        const { session } = found;
        requireStage(found, "FACTOR");
        const emailed = session.emailCode;
        if (!emailed) throw new HandlerError(409, "WRONG_STEP", "No code was emailed.");
        assertNotLocked(ctx.state, found.login, ctx.now);
        if (ctx.now > emailed.expiresAt)
          failFactor(
            ctx,
            found,
            "email",
            new HandlerError(401, "CODE_EXPIRED", "That code has expired. Send a new one."),
          );
        if (!constantTimeEqual(await sha256(code), emailed.codeHash))
          failFactor(
            ctx,
            found,
            "email",
            new HandlerError(401, "INVALID_CODE", "That code is not right."),
          );
        session.emailCode = null;
        session.stage = "ENROLLING";
        return answer(ctx, session);
      }),
    ),

    /** "Send again": a new code replaces the one before, after a short wait. */
    http.post(route("/api/authn/email-code/resend"), ({ request, cookies }) =>
      withSession(db, request, cookies, async (ctx) => {
        const found = withUser(signIn.load(ctx));
        const { session } = found;
        requireStage(found, "FACTOR");
        const emailed = session.emailCode;
        if (!emailed) throw new HandlerError(409, "WRONG_STEP", "No code was emailed.");
        assertNotLocked(ctx.state, found.login, ctx.now);
        if (ctx.now < emailed.resendAt)
          throw new HandlerError(429, "RATE_LIMITED", "Wait before asking for another code.", {
            retryAfterSeconds: Math.ceil((emailed.resendAt - ctx.now) / 1000),
          });
        await sendEmailCode(ctx, session, found.user);
        return answer(ctx, session);
      }),
    ),
    ...passkeyVerificationHandlers(db, signIn),
    ...passkeySignInHandlers(db, signIn),

    http.post(route("/api/authn/cancel"), ({ request, cookies }) =>
      withSession(db, request, cookies, async (ctx) => {
        if (ctx.session) removeSession(ctx.state, ctx.session.id);
        return answer(ctx, null);
      }),
    ),
  ];
}
