import { http } from "msw";
import {
  ChallengeRequest,
  PasswordRequest,
  VerifyCodeRequest,
  type AuthnState,
  type Factor,
} from "../../src/api/contracts/authn";
import { RecoveryCodeRequest } from "../../src/api/contracts/recovery-codes";
import { recordActivity } from "../db/activity";
import { send } from "../db/outbox";
import type { AccessMethod, ChallengeRecord, MockState, Session, User } from "../db/state";
import type { MockDb } from "../db/store";
import { constantTimeEqual, hashSecret, randomInt, secretMatches, sha256 } from "../rules/crypto";
import { lockedUntil, recordFailure } from "../rules/lockout";
import { maskPhone } from "../rules/phone";
import { sendPhoneCode } from "../rules/phone-codes";
import { MINUTE, POLICY } from "../rules/policy";
import {
  notifyRecoveryCodeUsed,
  recoveryCodesView,
  spendRecoveryCode,
} from "../rules/recovery-codes";
import { recordSend, sendWaitSeconds } from "../rules/send-limits";
import { checkTotp, TOTP_PERIOD_SECONDS } from "../rules/totp";
import { HandlerError, readBody, route } from "./http";
import { toPasskeyFactor } from "./passkey-factor";
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
    case "passkey":
      return toPasskeyFactor(method);
  }
}

/** Where a verification stands, as the screens see it. */
export function toVerificationState(
  state: MockState,
  view: {
    status: AuthnState["status"];
    username: string | null;
    user: User | null;
    challenge: ChallengeRecord | null;
  },
  now: number,
): AuthnState {
  const { user, challenge } = view;
  const push = challenge?.pushId
    ? state.outbox.find((m) => m.id === challenge.pushId)?.push
    : undefined;
  return {
    status: view.status,
    username: view.username,
    factors: user ? user.methods.map(toFactor) : [],
    lastUsed: user?.lastUsed ?? null,
    sendPushAutomatically: user?.sendPushAutomatically ?? false,
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
    ...(user ? recoveryCodesView(user) : {}),
  };
}

/** The verification a request works on: its stage and challenge, whose user, under which login. */
export type Found = {
  session: Session;
  tx: { stage: string; challenge: ChallengeRecord | null };
  user: User | null;
  login: string;
};

/**
 * One kind of verification (the sign-in, or a step-up): where it lives in the session, what
 * happens when the password or a method is verified, and how its state is shown.
 */
export type VerificationFlow = {
  base: string;
  kind: "sign-in" | "step-up";
  load(ctx: SessionContext): Found;
  passwordVerified(ctx: SessionContext, found: Found & { user: User }): void | Promise<void>;
  /** Whether the password step is open beside the methods (a step-up that opens Settings). */
  acceptsPasswordAlone?(found: Found): boolean;
  /** `lastUsed` is the method to offer first next time; a recovery code leaves it as it was. */
  completed(ctx: SessionContext, found: Found & { user: User }, lastUsed: User["lastUsed"]): void;
  view(ctx: SessionContext, session: Session | null): AuthnState;
};

export function requireStage(found: Found, stage: string): void {
  if (found.tx.stage !== stage) {
    throw new HandlerError(409, "WRONG_STEP", "This step is not the current one. Start again.");
  }
}

export function assertNotLocked(state: MockState, login: string, now: number): void {
  const until = lockedUntil(state, login, now);
  if (until !== null) {
    throw new HandlerError(403, "ACCOUNT_LOCKED", "Your account is locked.", {
      retryAfterSeconds: Math.ceil((until - now) / 1000),
    });
  }
}

/** Counts a failure toward lockout; answers with the lock if this one locked the account. */
function fail(ctx: SessionContext, found: Found, error: HandlerError): never {
  if (recordFailure(ctx.state, found.login, found.user, ctx.now, ctx.userAgent)) {
    found.tx.challenge = null;
    assertNotLocked(ctx.state, found.login, ctx.now);
  }
  throw error;
}

export function failFactor(
  ctx: SessionContext,
  found: Found & { user: User },
  detail: string,
  error: HandlerError,
): never {
  // A right password followed by a failed second factor is kept for Recent Activity.
  recordActivity(ctx.state, {
    userId: found.user.id,
    type: "factor_failed",
    at: ctx.now,
    userAgent: ctx.userAgent,
    detail,
  });
  return fail(ctx, found, error);
}

function methodOf(user: User, methodId: string): AccessMethod {
  const method = user.methods.find((m) => m.id === methodId);
  if (!method) throw new HandlerError(404, "NOT_FOUND", "That security method is not enrolled.");
  return method;
}

export function withUser(found: Found): Found & { user: User } {
  if (!found.user) throw new HandlerError(409, "WRONG_STEP", "Start again.");
  return found as Found & { user: User };
}

// A fixed hash to compare against when the username is unknown, so both take the same work.
const NO_USER_PASSWORD = hashSecret("no such user");

async function sendChallenge(
  ctx: SessionContext,
  found: Found & { user: User },
  body: ChallengeRequest,
  purpose: string,
) {
  const { user, tx } = found;
  const method = methodOf(user, body.methodId);
  if (method.type !== "phone" && !(method.type === "okta_verify" && body.mode === "push")) {
    throw new HandlerError(
      400,
      "VALIDATION",
      "This method takes a code from the app; no challenge is sent.",
    );
  }
  const wait = sendWaitSeconds(ctx.state, method.id, ctx.now);
  if (wait > 0) {
    throw new HandlerError(429, "RATE_LIMITED", "Wait before asking for another code.", {
      retryAfterSeconds: wait,
    });
  }
  recordSend(ctx.state, method.id, ctx.now);
  const timing = {
    sentAt: ctx.now,
    resendAt: ctx.now + POLICY.resendAfterSeconds * 1000,
    expiresAt: ctx.now + POLICY.codeLifetimeMinutes * MINUTE,
  };
  if (method.type === "phone") {
    const code = sendPhoneCode(ctx.state, { userId: user.id, ...method }, ctx.now);
    tx.challenge = {
      methodId: method.id,
      kind: method.channel,
      codeHash: await sha256(code),
      ...timing,
    };
  } else {
    if (body.sendPushAutomatically !== undefined)
      user.sendPushAutomatically = body.sendPushAutomatically;
    // The user types the number from the screen into the app: no list to pick from (NIST §3.1.3).
    const correct = randomInt(10, 99);
    const expiresAt = ctx.now + POLICY.pushLifetimeMinutes * MINUTE;
    const push = send(ctx.state, {
      channel: "push",
      to: method.deviceName,
      userId: user.id,
      subject:
        purpose === "sign-in" ? "Did you just try to sign in?" : "Are you verifying your identity?",
      text: `FINRA TRAQS ${purpose} as ${user.login}. Enter the number shown on the screen.`,
      sentAt: ctx.now,
      push: {
        methodId: method.id,
        correctNumber: correct,
        status: "waiting",
        expiresAt,
      },
    });
    tx.challenge = {
      methodId: method.id,
      kind: "push",
      pushId: push.id,
      pushNumber: correct,
      ...timing,
      expiresAt,
    };
  }
}

async function checkCode(
  ctx: SessionContext,
  found: Found & { user: User },
  methodId: string,
  code: string,
) {
  const method = methodOf(found.user, methodId);
  const refuse = (error: HandlerError) => failFactor(ctx, found, method.type, error);
  if (method.type === "passkey")
    throw new HandlerError(400, "VALIDATION", "A passkey is verified with its own step.");
  if (method.type === "phone") {
    const challenge = found.tx.challenge;
    if (!challenge || challenge.methodId !== method.id || !challenge.codeHash) {
      throw new HandlerError(409, "WRONG_STEP", "Ask for a code first.");
    }
    if (ctx.now > challenge.expiresAt) {
      found.tx.challenge = null;
      refuse(new HandlerError(401, "CODE_EXPIRED", "That code has expired. Send a new one."));
    }
    if (!constantTimeEqual(await sha256(code), challenge.codeHash)) {
      refuse(new HandlerError(401, "INVALID_CODE", "That code is not right."));
    }
    return method;
  }
  const check = checkTotp(method.secret, code, ctx.now, method.lastUsedStep);
  if (check.result === "replayed")
    refuse(
      new HandlerError(
        401,
        "CODE_ALREADY_USED",
        "That code was already used. Wait for the next one.",
      ),
    );
  if (check.result === "skewed") {
    // The answer tells what the code will be at a later step: spend that step and every one before
    // it, as an accepted code would, so that waiting never makes this code work.
    method.lastUsedStep = Math.max(method.lastUsedStep, check.step);
    const acceptedAgainAt = (method.lastUsedStep + 1) * TOTP_PERIOD_SECONDS * 1000;
    const wait = Math.ceil((acceptedAgainAt - ctx.now) / 1000);
    refuse(
      new HandlerError(401, "CLOCK_SKEW", "Your phone's clock looks off.", {
        skewSeconds: check.skewSeconds,
        ...(wait > 0 ? { retryAfterSeconds: wait } : {}),
      }),
    );
  }
  if (check.result === "invalid")
    refuse(new HandlerError(401, "INVALID_CODE", "That code is not right."));
  if (check.result === "ok") method.lastUsedStep = check.step;
  return method;
}

/** The password, challenge, verify and poll steps of a verification flow, under its base path. */
export function verificationHandlers(db: MockDb, flow: VerificationFlow) {
  const handle =
    (run: (ctx: SessionContext, found: Found, request: Request) => Promise<void>) =>
    ({ request, cookies }: { request: Request; cookies: Record<string, string> }) =>
      withSession(db, request, cookies, async (ctx) => {
        const found = flow.load(ctx);
        await run(ctx, found, request);
        return { session: found.session, body: flow.view(ctx, found.session) };
      });

  return [
    http.post(
      route(`${flow.base}/password`),
      handle(async (ctx, found, request) => {
        const { password } = await readBody(request, PasswordRequest);
        if (!flow.acceptsPasswordAlone?.(found)) requireStage(found, "PASSWORD");
        assertNotLocked(ctx.state, found.login, ctx.now);
        const { user } = found;
        const ok = await secretMatches(password, user?.password ?? (await NO_USER_PASSWORD));
        if (!user || !user.password || !ok) {
          if (user)
            recordActivity(ctx.state, {
              userId: user.id,
              type: "sign_in_password_failed",
              at: ctx.now,
              userAgent: ctx.userAgent,
            });
          fail(ctx, found, new HandlerError(401, "INVALID_CREDENTIALS", "Unable to sign in."));
        }
        await flow.passwordVerified(ctx, { ...found, user });
      }),
    ),

    http.post(
      route(`${flow.base}/challenge`),
      handle(async (ctx, found, request) => {
        const body = await readBody(request, ChallengeRequest);
        requireStage(found, "FACTOR");
        assertNotLocked(ctx.state, found.login, ctx.now);
        await sendChallenge(ctx, withUser(found), body, flow.kind);
      }),
    ),

    http.post(
      route(`${flow.base}/verify`),
      handle(async (ctx, found, request) => {
        const { methodId, code } = await readBody(request, VerifyCodeRequest);
        requireStage(found, "FACTOR");
        assertNotLocked(ctx.state, found.login, ctx.now);
        const withUserFound = withUser(found);
        const method = await checkCode(ctx, withUserFound, methodId, code);
        found.tx.challenge = null;
        flow.completed(ctx, withUserFound, { methodId: method.id, mode: "code" });
      }),
    ),

    /**
     * "Recovery code": one of the user's unused codes completes the verification and is used up;
     * a wrong one counts toward lockout like any other code.
     */
    http.post(
      route(`${flow.base}/recovery-code`),
      handle(async (ctx, found, request) => {
        const { code } = await readBody(request, RecoveryCodeRequest);
        requireStage(found, "FACTOR");
        assertNotLocked(ctx.state, found.login, ctx.now);
        const withUserFound = withUser(found);
        if (!(await spendRecoveryCode(withUserFound.user, code))) {
          failFactor(
            ctx,
            withUserFound,
            "recovery_code",
            new HandlerError(401, "INVALID_CODE", "That code is not right."),
          );
        }
        notifyRecoveryCodeUsed(ctx, withUserFound.user);
        found.tx.challenge = null;
        flow.completed(ctx, withUserFound, undefined);
      }),
    ),

    /** Okta Verify push: asks whether the phone has answered; completes once it approved. */
    http.post(
      route(`${flow.base}/poll`),
      handle(async (ctx, found) => {
        requireStage(found, "FACTOR");
        assertNotLocked(ctx.state, found.login, ctx.now);
        const withUserFound = withUser(found);
        const challenge = found.tx.challenge;
        const push = ctx.state.outbox.find((m) => m.id === challenge?.pushId)?.push;
        if (!challenge || !push) throw new HandlerError(409, "WRONG_STEP", "No push is waiting.");
        if (!withUserFound.user.methods.some((m) => m.id === challenge.methodId)) {
          // The device was removed: whatever it answers never completes a verification.
          found.tx.challenge = null;
          throw new HandlerError(409, "WRONG_STEP", "That security method is no longer enrolled.");
        }
        if (push.status === "approved") {
          found.tx.challenge = null;
          flow.completed(ctx, withUserFound, { methodId: challenge.methodId, mode: "push" });
        } else if (push.status === "denied" || push.status === "wrong_number") {
          found.tx.challenge = null;
          const code = push.status === "denied" ? "PUSH_DENIED" : "PUSH_WRONG_NUMBER";
          failFactor(
            ctx,
            withUserFound,
            "okta_verify_push",
            new HandlerError(401, code, "The push was not approved."),
          );
        } else if (ctx.now > push.expiresAt) {
          found.tx.challenge = null;
          throw new HandlerError(401, "PUSH_EXPIRED", "The push was not answered in time.");
        }
      }),
    ),
  ];
}
