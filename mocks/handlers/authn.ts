import { http } from "msw";
import { IdentifyRequest, type AuthnState } from "../../src/api/contracts/authn";
import { removeSession, startSession, userById, userByLogin } from "../db/sessions";
import type { MockState, Session } from "../db/state";
import type { MockDb } from "../db/store";
import { completeSignIn } from "../rules/sign-in";
import { HandlerError, readBody, route } from "./http";
import { passkeySignInHandlers, passkeyVerificationHandlers } from "./passkeys";
import { withSession, type SessionContext } from "./session-context";
import { toVerificationState, verificationHandlers, type VerificationFlow } from "./verification";

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
  passwordVerified(_ctx, { session, user }) {
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
        session.userId = user && user.status === "ACTIVE" ? user.id : null;
        session.stage = "PASSWORD";
        return answer(ctx, session);
      }),
    ),

    ...verificationHandlers(db, signIn),
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
