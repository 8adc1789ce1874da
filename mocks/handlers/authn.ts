import { http } from "msw";
import {
  ChallengeRequest,
  IdentifyRequest,
  PasswordRequest,
  VerifyCodeRequest,
  type AuthnState,
  type Factor,
} from "../../src/api/contracts/authn";
import { recordActivity } from "../db/activity";
import { send } from "../db/outbox";
import { removeSession, startSession, userById, userByLogin } from "../db/sessions";
import type { AccessMethod, MockState, Session, User } from "../db/state";
import type { MockDb } from "../db/store";
import { constantTimeEqual, hashSecret, randomInt, secretMatches, sha256 } from "../rules/crypto";
import { isEnrollmentComplete } from "../rules/enrollment";
import { lockedUntil, recordFailure } from "../rules/lockout";
import { maskPhone } from "../rules/phone";
import { sendPhoneCode } from "../rules/phone-codes";
import { MINUTE, POLICY } from "../rules/policy";
import { completeSignIn } from "../rules/sign-in";
import { checkTotp } from "../rules/totp";
import { HandlerError, readBody, route } from "./http";
import { withSession, type SessionContext } from "./session-context";

const iso = (ms: number) => new Date(ms).toISOString();

/** A method as the screens see it: never its secret or full number. */
export function toFactor(method: AccessMethod): Factor {
  switch (method.type) {
    case "phone":
      return {
        id: method.id,
        type: method.type,
        maskedPhone: maskPhone(method.e164),
        channel: method.channel,
      };
    case "okta_verify":
      return { id: method.id, type: method.type, deviceName: method.deviceName };
    case "google_authenticator":
      return { id: method.id, type: method.type };
  }
}

/** What the sign-in screens are told: never a secret, a code or a full phone number. */
export function toAuthnState(state: MockState, session: Session | null, now: number): AuthnState {
  if (!session || session.stage === "IDENTIFY") {
    return {
      status: "IDENTIFY",
      username: null,
      factors: [],
      lastUsed: null,
      sendPushAutomatically: false,
      challenge: null,
    };
  }
  const user = userById(state, session.userId);
  const showFactors = session.stage !== "PASSWORD" && user;
  const challenge = session.challenge;
  const push = challenge?.pushId
    ? state.outbox.find((m) => m.id === challenge.pushId)?.push
    : undefined;
  return {
    status: session.stage === "ENROLLING" ? "ENROLL" : session.stage,
    username: session.login,
    factors: showFactors ? user.methods.map(toFactor) : [],
    lastUsed: showFactors ? (user.lastUsed ?? null) : null,
    sendPushAutomatically: showFactors ? user.sendPushAutomatically : false,
    challenge: challenge
      ? {
          methodId: challenge.methodId,
          kind: challenge.kind,
          sentAt: iso(challenge.sentAt),
          resendAt: iso(challenge.resendAt),
          expiresAt: iso(challenge.expiresAt),
          ...(challenge.pushNumber !== undefined ? { pushNumber: challenge.pushNumber } : {}),
          ...(push
            ? {
                pushStatus:
                  push.status === "waiting" && now > push.expiresAt ? "expired" : push.status,
              }
            : {}),
        }
      : null,
  };
}

type Context = SessionContext;

/** Runs one sign-in request; the answer is always where the sign-in now stands. */
function withAuthn(
  db: MockDb,
  request: Request,
  cookies: Record<string, string>,
  handle: (ctx: Context) => Promise<{ session: Session | null }>,
) {
  return withSession(db, request, cookies, async (ctx) => {
    const { session } = await handle(ctx);
    return { session, body: toAuthnState(ctx.state, session, ctx.now) };
  });
}

function requireStage(session: Session | null, stage: Session["stage"]): Session {
  if (!session || session.stage !== stage) {
    throw new HandlerError(
      409,
      "WRONG_STEP",
      "This sign-in step is not the current one. Start again.",
    );
  }
  return session;
}

function assertNotLocked(state: MockState, login: string, now: number) {
  const until = lockedUntil(state, login, now);
  if (until !== null) {
    throw new HandlerError(403, "ACCOUNT_LOCKED", "Your account is locked.", {
      retryAfterSeconds: Math.ceil((until - now) / 1000),
    });
  }
}

/** Counts a failure; answers with the lock if this one locked the account. */
function fail(ctx: Context, session: Session, user: User | null, error: HandlerError): never {
  const login = session.login ?? "";
  if (recordFailure(ctx.state, login, user, ctx.now, ctx.userAgent)) {
    session.challenge = null;
    assertNotLocked(ctx.state, login, ctx.now);
  }
  throw error;
}

function methodOf(user: User, methodId: string): AccessMethod {
  const method = user.methods.find((m) => m.id === methodId);
  if (!method) throw new HandlerError(404, "NOT_FOUND", "That security method is not enrolled.");
  return method;
}

// A fixed hash to compare against when the username is unknown, so both take the same work.
const NO_USER_PASSWORD = hashSecret("no such user");

export function authnHandlers(db: MockDb) {
  return [
    http.get(route("/api/authn"), ({ request, cookies }) =>
      withAuthn(db, request, cookies, async ({ session }) => ({ session })),
    ),

    http.post(route("/api/authn/identify"), ({ request, cookies }) =>
      withAuthn(db, request, cookies, async (ctx) => {
        const { username } = await readBody(request, IdentifyRequest);
        if (ctx.session) removeSession(ctx.state, ctx.session.id);
        const session = startSession(ctx.state, ctx.now, ctx.userAgent);
        const user = userByLogin(ctx.state, username);
        session.login = username.toLowerCase();
        session.userId = user && user.status === "ACTIVE" ? user.id : null;
        session.stage = "PASSWORD";
        return { session };
      }),
    ),

    http.post(route("/api/authn/password"), ({ request, cookies }) =>
      withAuthn(db, request, cookies, async (ctx) => {
        const { password } = await readBody(request, PasswordRequest);
        const session = requireStage(ctx.session, "PASSWORD");
        assertNotLocked(ctx.state, session.login ?? "", ctx.now);
        const user = userById(ctx.state, session.userId);
        const ok = await secretMatches(password, user?.password ?? (await NO_USER_PASSWORD));
        if (!user || !user.password || !ok) {
          if (user)
            recordActivity(ctx.state, {
              userId: user.id,
              type: "sign_in_password_failed",
              at: ctx.now,
              userAgent: ctx.userAgent,
            });
          fail(
            ctx,
            session,
            user,
            new HandlerError(401, "INVALID_CREDENTIALS", "Unable to sign in."),
          );
        }
        // Guide Section 3, step 4a: without the required methods, the password leads to set-up.
        session.stage = isEnrollmentComplete(user) ? "FACTOR" : "ENROLLING";
        return { session };
      }),
    ),

    http.post(route("/api/authn/challenge"), ({ request, cookies }) =>
      withAuthn(db, request, cookies, async (ctx) => {
        const body = await readBody(request, ChallengeRequest);
        const session = requireStage(ctx.session, "FACTOR");
        assertNotLocked(ctx.state, session.login ?? "", ctx.now);
        const user = userById(ctx.state, session.userId);
        if (!user) throw new HandlerError(409, "WRONG_STEP", "Start again.");
        const method = methodOf(user, body.methodId);
        const previous = session.challenge;
        if (previous && previous.methodId === method.id && ctx.now < previous.resendAt) {
          throw new HandlerError(429, "RATE_LIMITED", "Wait before asking for another code.", {
            retryAfterSeconds: Math.ceil((previous.resendAt - ctx.now) / 1000),
          });
        }
        const timing = {
          sentAt: ctx.now,
          resendAt: ctx.now + POLICY.resendAfterSeconds * 1000,
          expiresAt: ctx.now + POLICY.codeLifetimeMinutes * MINUTE,
        };
        if (method.type === "phone") {
          const code = sendPhoneCode(ctx.state, { userId: user.id, ...method }, ctx.now);
          session.challenge = {
            methodId: method.id,
            kind: method.channel,
            codeHash: await sha256(code),
            ...timing,
          };
        } else if (method.type === "okta_verify" && body.mode === "push") {
          if (body.sendPushAutomatically !== undefined)
            user.sendPushAutomatically = body.sendPushAutomatically;
          const correct = randomInt(10, 99);
          const numbers = new Set([correct]);
          while (numbers.size < 3) numbers.add(randomInt(10, 99));
          const expiresAt = ctx.now + POLICY.pushLifetimeMinutes * MINUTE;
          const push = send(ctx.state, {
            channel: "push",
            to: method.deviceName,
            userId: user.id,
            subject: "Did you just try to sign in?",
            text: `FINRA TRAQS sign-in as ${user.login}. Tap the number shown on the sign-in screen.`,
            sentAt: ctx.now,
            push: {
              numbers: [...numbers].sort((a, b) => a - b),
              correctNumber: correct,
              status: "waiting",
              expiresAt,
            },
          });
          session.challenge = {
            methodId: method.id,
            kind: "push",
            pushId: push.id,
            pushNumber: correct,
            ...timing,
            expiresAt,
          };
        } else {
          throw new HandlerError(
            400,
            "VALIDATION",
            "This method takes a code from the app; no challenge is sent.",
          );
        }
        return { session };
      }),
    ),

    http.post(route("/api/authn/verify"), ({ request, cookies }) =>
      withAuthn(db, request, cookies, async (ctx) => {
        const { methodId, code } = await readBody(request, VerifyCodeRequest);
        const session = requireStage(ctx.session, "FACTOR");
        assertNotLocked(ctx.state, session.login ?? "", ctx.now);
        const user = userById(ctx.state, session.userId);
        if (!user) throw new HandlerError(409, "WRONG_STEP", "Start again.");
        const method = methodOf(user, methodId);
        const failFactor = (error: HandlerError) => {
          recordActivity(ctx.state, {
            userId: user.id,
            type: "factor_failed",
            at: ctx.now,
            userAgent: ctx.userAgent,
            detail: method.type,
          });
          return fail(ctx, session, user, error);
        };

        if (method.type === "phone") {
          const challenge = session.challenge;
          if (!challenge || challenge.methodId !== method.id || !challenge.codeHash) {
            throw new HandlerError(409, "WRONG_STEP", "Ask for a code first.");
          }
          if (ctx.now > challenge.expiresAt) {
            session.challenge = null;
            failFactor(
              new HandlerError(401, "CODE_EXPIRED", "That code has expired. Send a new one."),
            );
          }
          if (!constantTimeEqual(await sha256(code), challenge.codeHash)) {
            failFactor(new HandlerError(401, "INVALID_CODE", "That code is not right."));
          }
        } else {
          const check = checkTotp(method.secret, code, ctx.now, method.lastUsedStep);
          if (check.result === "replayed")
            failFactor(
              new HandlerError(
                401,
                "CODE_ALREADY_USED",
                "That code was already used. Wait for the next one.",
              ),
            );
          if (check.result === "skewed")
            failFactor(
              new HandlerError(401, "CLOCK_SKEW", "Your phone's clock looks off.", {
                skewSeconds: check.skewSeconds,
              }),
            );
          if (check.result === "invalid")
            failFactor(new HandlerError(401, "INVALID_CODE", "That code is not right."));
          if (check.result === "ok") method.lastUsedStep = check.step;
        }
        completeSignIn(ctx, session, user, { methodId: method.id, mode: "code" });
        return { session };
      }),
    ),

    /** Okta Verify push: asks whether the phone has answered, and signs in once it approved. */
    http.post(route("/api/authn/poll"), ({ request, cookies }) =>
      withAuthn(db, request, cookies, async (ctx) => {
        const session = requireStage(ctx.session, "FACTOR");
        assertNotLocked(ctx.state, session.login ?? "", ctx.now);
        const user = userById(ctx.state, session.userId);
        const challenge = session.challenge;
        const push = ctx.state.outbox.find((m) => m.id === challenge?.pushId)?.push;
        if (!user || !challenge || !push)
          throw new HandlerError(409, "WRONG_STEP", "No push is waiting.");
        if (push.status === "approved") {
          completeSignIn(ctx, session, user, { methodId: challenge.methodId, mode: "push" });
        } else if (push.status === "denied" || push.status === "wrong_number") {
          session.challenge = null;
          recordActivity(ctx.state, {
            userId: user.id,
            type: "factor_failed",
            at: ctx.now,
            userAgent: ctx.userAgent,
            detail: "okta_verify_push",
          });
          const code = push.status === "denied" ? "PUSH_DENIED" : "PUSH_WRONG_NUMBER";
          fail(ctx, session, user, new HandlerError(401, code, "The push was not approved."));
        } else if (ctx.now > push.expiresAt) {
          session.challenge = null;
          throw new HandlerError(401, "PUSH_EXPIRED", "The push was not answered in time.");
        }
        return { session };
      }),
    ),

    http.post(route("/api/authn/cancel"), ({ request, cookies }) =>
      withAuthn(db, request, cookies, async (ctx) => {
        if (ctx.session) removeSession(ctx.state, ctx.session.id);
        return { session: null };
      }),
    ),
  ];
}
