import { http } from "msw";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import type { SetUpMethod } from "../../src/api/contracts/account";
import {
  ActivateRequest,
  EnrollCodeRequest,
  EnrollPhoneRequest,
  SetPasswordRequest,
  SetSecurityQuestionRequest,
  type EnrollmentState,
  type OktaVerifyEnrollment,
  type PhoneEnrollment,
} from "../../src/api/contracts/enrollment";
import { recordActivity } from "../db/activity";
import { googleAuthenticator, oktaVerify, phone } from "../db/factories";
import { hashAnswer } from "../db/seed";
import { SECURITY_QUESTIONS } from "../db/security-questions";
import { removeSession, startSession, userById } from "../db/sessions";
import type { MockState, Session, User } from "../db/state";
import type { MockDb } from "../db/store";
import { constantTimeEqual, randomId, sha256 } from "../rules/crypto";
import { isEnrollmentComplete } from "../rules/enrollment";
import { recordFailure } from "../rules/lockout";
import { passwordRulesBroken, withNewPassword } from "../rules/passwords";
import { notifySecurityChange } from "../rules/notifications";
import { generateRecoveryCodes, recoveryCodesView } from "../rules/recovery-codes";
import { maskPhone } from "../rules/phone";
import { sendPhoneCode } from "../rules/phone-codes";
import { recordSend, sendWaitSeconds } from "../rules/send-limits";
import { MINUTE, POLICY } from "../rules/policy";
import { completeSignIn } from "../rules/sign-in";
import { checkTotp, newTotpSecret, totpUri } from "../rules/totp";
import { settingsSetUp, spendGrant } from "./account";
import { toAuthnState } from "./authn";
import { assertNotLocked, toFactor } from "./verification";
import { hasSettingsAccess } from "../rules/verification-grants";
import { HandlerError, readBody, route } from "./http";
import { withSession, type SessionContext } from "./session-context";

const iso = (ms: number) => new Date(ms).toISOString();
const OKTA_VERIFY_SETUP_MINUTES = 10;

export function toEnrollmentState(user: User, session: Session): EnrollmentState {
  return {
    username: user.login,
    firstName: user.firstName,
    lastName: user.lastName,
    passwordSet: Boolean(user.password),
    securityQuestionSet: Boolean(user.securityQuestion),
    methods: user.methods.map(toFactor),
    canFinish: isEnrollmentComplete(user),
    context: session.stage === "SUCCESS" ? "account" : "activation",
    ...recoveryCodesView(user),
  };
}

/**
 * What a set-up step changes: the password, or what Settings can set up; null for a step that
 * only reads (the set-up's state, the list of questions).
 */
type SetUpTarget = SetUpMethod | "password" | null;

/**
 * The set-up in progress in this session: after the activation link or a password alone, or from
 * Settings. There, reading needs Settings open (a security method verified in the last 15
 * minutes), and a change needs the change verification (password and method) made for setting up
 * that very method. The password is never set up from Settings: it is reset there, which asks
 * for the same verification and offers "Sign me out of all other devices".
 */
function requireEnrolling(
  ctx: SessionContext,
  target: SetUpTarget,
): { session: Session; user: User } {
  const session = ctx.session;
  const user = session ? userById(ctx.state, session.userId) : null;
  if (!session || !user || (session.stage !== "ENROLLING" && session.stage !== "SUCCESS")) {
    throw new HandlerError(401, "UNAUTHENTICATED", "No set-up is in progress.");
  }
  if (session.stage === "SUCCESS") {
    const allowed =
      target === null
        ? hasSettingsAccess(session, ctx.now)
        : settingsSetUp(session, ctx.now) === target;
    if (!allowed) {
      throw new HandlerError(
        403,
        "STEP_UP_REQUIRED",
        target === null
          ? "Verify it's you with a security method first."
          : "Verify it's you with your password and a security method first.",
      );
    }
  }
  return { session, user };
}

/** A set-up from Settings is over once its method is set up: its verification is spent. */
export function endSetUp(session: Session, now: number, method: SetUpMethod): void {
  if (session.stage === "SUCCESS") spendGrant(session, now, { kind: "setUp", method });
}

type Handler = (
  ctx: SessionContext,
  found: { session: Session; user: User },
  request: Request,
) => Promise<unknown>;

/**
 * A set-up step of `target`: it needs the set-up session, allowed to change that, and answers with
 * its result (by default, the state).
 */
export function step(db: MockDb, target: SetUpTarget, handle: Handler) {
  return ({ request, cookies }: { request: Request; cookies: Record<string, string> }) =>
    withSession(db, request, cookies, async (ctx) => {
      const found = requireEnrolling(ctx, target);
      const body =
        (await handle(ctx, found, request)) ?? toEnrollmentState(found.user, found.session);
      return { session: found.session, body };
    });
}

/** Refuses a new password that breaks any rule, naming the rules (400 PASSWORD_POLICY). */
export async function assertPasswordAllowed(
  user: User,
  password: string,
  now: number,
  options: { minimumAge?: boolean } = {},
): Promise<void> {
  const stored = { history: user.passwordHistory, changedAt: user.passwordChangedAt };
  const broken = await passwordRulesBroken(user, stored, password, now, options);
  if (broken.length > 0) {
    throw new HandlerError(400, "PASSWORD_POLICY", "The password does not meet the requirements.", {
      rules: broken,
    });
  }
}

/** Stores a new password: current, first in the history (the last 7 are kept), with its date. */
export async function storePassword(user: User, password: string, now: number): Promise<void> {
  const { current, history } = await withNewPassword(user.passwordHistory, password);
  user.password = current;
  user.passwordHistory = history;
  user.passwordChangedAt = now;
}

function pendingOktaVerify(session: Session, now: number) {
  const pending = session.pending.oktaVerify;
  return pending && (pending.status === "confirmed" || now < pending.expiresAt) ? pending : null;
}

function toOktaVerifyEnrollment(
  user: User,
  pending: NonNullable<Session["pending"]["oktaVerify"]>,
): OktaVerifyEnrollment {
  const query = new URLSearchParams({ id: pending.id, issuer: "FINRA TRAQS", account: user.login });
  return {
    id: pending.id,
    qrUri: `oktaverify://enroll?${query.toString()}`,
    setupKey: pending.id,
    status: pending.status,
  };
}

function toPhoneEnrollment(pending: NonNullable<Session["pending"]["phone"]>): PhoneEnrollment {
  return {
    channel: pending.channel,
    maskedPhone: maskPhone(pending.e164),
    sentAt: iso(pending.sentAt),
    resendAt: iso(pending.resendAt),
    expiresAt: iso(pending.expiresAt),
  };
}

/** Sends (or sends again) the code for a phone being set up; 30 s must pass between two. */
async function sendEnrollmentCode(
  ctx: SessionContext,
  session: Session,
  user: User,
  target: { channel: "sms" | "voice"; e164: string; extension?: string | undefined },
) {
  const previous = session.pending.phone;
  // One wait for the whole set-up, whatever the number: no flood of texts by changing numbers.
  const sessionWait = previous ? Math.ceil((previous.resendAt - ctx.now) / 1000) : 0;
  // And one limit per number for the account, across its sessions: no flood by opening browsers.
  const limitKey = `phone-set-up:${user.id}:${target.e164}`;
  const wait = Math.max(sessionWait, sendWaitSeconds(ctx.state, limitKey, ctx.now));
  if (wait > 0) {
    throw new HandlerError(429, "RATE_LIMITED", "Wait before asking for another code.", {
      retryAfterSeconds: wait,
    });
  }
  recordSend(ctx.state, limitKey, ctx.now);
  const code = sendPhoneCode(ctx.state, { userId: user.id, ...target }, ctx.now);
  session.pending.phone = {
    ...target,
    ...(target.extension ? { extension: target.extension } : {}),
    codeHash: await sha256(code),
    sentAt: ctx.now,
    resendAt: ctx.now + POLICY.resendAfterSeconds * 1000,
    expiresAt: ctx.now + POLICY.codeLifetimeMinutes * MINUTE,
  };
  return toPhoneEnrollment(session.pending.phone);
}

/** Refuses a code for this set-up; like a wrong sign-in code, it counts toward lockout. */
function refuseCode(ctx: SessionContext, user: User, error: HandlerError): never {
  recordFailure(ctx.state, user.login, user, ctx.now, ctx.userAgent);
  assertNotLocked(ctx.state, user.login, ctx.now);
  throw error;
}

/** Refuses an authenticator code, saying how (wrong, stale, or the phone's clock is off). */
function refuseTotp(ctx: SessionContext, user: User, check: ReturnType<typeof checkTotp>): never {
  if (check.result === "skewed") {
    refuseCode(
      ctx,
      user,
      new HandlerError(401, "CLOCK_SKEW", "Your phone's clock looks off.", {
        skewSeconds: check.skewSeconds,
      }),
    );
  }
  refuseCode(ctx, user, new HandlerError(401, "INVALID_CODE", "That code is not right."));
}

export function enrollmentHandlers(db: MockDb) {
  return [
    http.post(route("/api/enroll/activate"), ({ request, cookies }) =>
      withSession(db, request, cookies, async (ctx) => {
        const { token } = await readBody(request, ActivateRequest);
        const tokenHash = await sha256(token);
        const user = ctx.state.users.find(
          (u) => u.activation && constantTimeEqual(u.activation.tokenHash, tokenHash),
        );
        const activation = user?.activation;
        if (!user || !activation)
          throw new HandlerError(404, "ACTIVATION_INVALID", "This activation link is not valid.");
        if (activation.usedAt !== null)
          throw new HandlerError(
            410,
            "ACTIVATION_USED",
            "This activation link has already been used.",
          );
        if (ctx.now > activation.expiresAt)
          throw new HandlerError(410, "ACTIVATION_EXPIRED", "This activation link has expired.");
        activation.usedAt = ctx.now;
        if (ctx.session) removeSession(ctx.state, ctx.session.id);
        const session = startSession(ctx.state, ctx.now, ctx.userAgent);
        session.login = user.login;
        session.userId = user.id;
        session.stage = "ENROLLING";
        recordActivity(ctx.state, {
          userId: user.id,
          type: "account_activated",
          at: ctx.now,
          userAgent: ctx.userAgent,
        });
        return { session, body: toEnrollmentState(user, session) };
      }),
    ),

    http.get(
      route("/api/enroll"),
      step(db, null, async () => undefined),
    ),

    http.get(
      route("/api/enroll/security-questions"),
      step(db, null, async () => ({ questions: SECURITY_QUESTIONS })),
    ),

    http.post(
      route("/api/enroll/password"),
      step(db, "password", async (ctx, { user }, request) => {
        const { password } = await readBody(request, SetPasswordRequest);
        await assertPasswordAllowed(user, password, ctx.now);
        await storePassword(user, password, ctx.now);
        // Okta activates the account once it has a password: from now on the user can sign in.
        user.status = "ACTIVE";
        notifySecurityChange(ctx, {
          user: user,
          type: "password_set",
          what: "Password",
          subject: "FINRA TRAQS - Password set",
        });
        return undefined;
      }),
    ),

    http.post(
      route("/api/enroll/security-question"),
      step(db, "security_question", async (ctx, { session, user }, request) => {
        const { question, answer } = await readBody(request, SetSecurityQuestionRequest);
        if (question.toLowerCase().includes(answer.toLowerCase())) {
          throw new HandlerError(
            400,
            "VALIDATION",
            "The answer must not be part of the question.",
            {
              fields: { answer: "validation.answerInQuestion" },
            },
          );
        }
        user.securityQuestion = { question, answer: await hashAnswer(answer) };
        endSetUp(session, ctx.now, "security_question");
        notifySecurityChange(ctx, {
          user: user,
          type: "security_question_set",
          what: "Security Question",
          subject: "FINRA TRAQS - Security method enrolled",
        });
        return undefined;
      }),
    ),

    http.post(
      route("/api/enroll/google-authenticator"),
      step(db, "google_authenticator", async (_ctx, { session, user }) => {
        if (user.methods.some((m) => m.type === "google_authenticator")) {
          throw new HandlerError(
            409,
            "ALREADY_ENROLLED",
            "Google Authenticator is already set up.",
          );
        }
        // The same key until this set-up ends: a wrong code or a reload does not change it.
        session.pending.googleAuthenticator ??= { secret: newTotpSecret() };
        const { secret } = session.pending.googleAuthenticator;
        return { key: secret, uri: totpUri(secret, user.login) };
      }),
    ),

    http.post(
      route("/api/enroll/google-authenticator/verify"),
      step(db, "google_authenticator", async (ctx, { session, user }, request) => {
        const { code } = await readBody(request, EnrollCodeRequest);
        const pending = session.pending.googleAuthenticator;
        if (!pending) throw new HandlerError(409, "WRONG_STEP", "Scan the barcode first.");
        assertNotLocked(ctx.state, user.login, ctx.now);
        const check = checkTotp(pending.secret, code, ctx.now, 0);
        if (check.result !== "ok") refuseTotp(ctx, user, check);
        // The code that proved the set-up cannot be used again to sign in.
        user.methods.push({
          ...googleAuthenticator(pending.secret, ctx.now),
          lastUsedStep: check.step,
        });
        delete session.pending.googleAuthenticator;
        endSetUp(session, ctx.now, "google_authenticator");
        notifySecurityChange(ctx, {
          user: user,
          type: "method_enrolled",
          what: "Google Authenticator",
          subject: "FINRA TRAQS - Security method enrolled",
        });
        return undefined;
      }),
    ),

    /** Starts, or resumes while it is valid, an Okta Verify set-up; its status tells when the app confirmed. */
    http.post(
      route("/api/enroll/okta-verify"),
      step(db, null, async (ctx, { session, user }) => {
        let pending = pendingOktaVerify(session, ctx.now);
        // Telling that the app confirmed only reads; starting a set-up or waiting on one changes.
        if (pending?.status !== "confirmed") requireEnrolling(ctx, "okta_verify");
        if (!pending) {
          pending = {
            id: randomId(16),
            secret: newTotpSecret(),
            status: "waiting",
            expiresAt: ctx.now + OKTA_VERIFY_SETUP_MINUTES * MINUTE,
          };
          session.pending.oktaVerify = pending;
        }
        const answer = toOktaVerifyEnrollment(user, pending);
        if (pending.status === "confirmed") delete session.pending.oktaVerify;
        return answer;
      }),
    ),

    http.get(
      route("/api/enroll/phone"),
      step(db, "phone", async (_ctx, { session }) => {
        if (!session.pending.phone)
          throw new HandlerError(404, "NOT_FOUND", "No phone is being set up.");
        return toPhoneEnrollment(session.pending.phone);
      }),
    ),

    http.post(
      route("/api/enroll/phone"),
      step(db, "phone", async (ctx, { session, user }, request) => {
        const body = await readBody(request, EnrollPhoneRequest);
        if (!parsePhoneNumberFromString(body.e164)?.isValid()) {
          throw new HandlerError(400, "INVALID_PHONE", "That phone number is not valid.");
        }
        return sendEnrollmentCode(ctx, session, user, {
          ...body,
          extension: body.channel === "voice" ? body.extension : undefined,
        });
      }),
    ),

    http.post(
      route("/api/enroll/phone/resend"),
      step(db, "phone", async (ctx, { session, user }) => {
        const pending = session.pending.phone;
        if (!pending) throw new HandlerError(409, "WRONG_STEP", "Enter a phone number first.");
        return sendEnrollmentCode(ctx, session, user, pending);
      }),
    ),

    http.post(
      route("/api/enroll/phone/verify"),
      step(db, "phone", async (ctx, { session, user }, request) => {
        const { code } = await readBody(request, EnrollCodeRequest);
        const pending = session.pending.phone;
        if (!pending) throw new HandlerError(409, "WRONG_STEP", "Enter a phone number first.");
        assertNotLocked(ctx.state, user.login, ctx.now);
        if (ctx.now > pending.expiresAt) {
          refuseCode(
            ctx,
            user,
            new HandlerError(401, "CODE_EXPIRED", "That code has expired. Send a new one."),
          );
        }
        if (!constantTimeEqual(await sha256(code), pending.codeHash)) {
          refuseCode(ctx, user, new HandlerError(401, "INVALID_CODE", "That code is not right."));
        }
        user.methods.push(phone(pending.e164, pending.channel, ctx.now, pending.extension));
        delete session.pending.phone;
        endSetUp(session, ctx.now, "phone");
        notifySecurityChange(ctx, {
          user: user,
          type: "method_enrolled",
          what: `Phone (${pending.channel === "sms" ? "SMS" : "Voice call"}) ${maskPhone(pending.e164)}`,
          subject: "FINRA TRAQS - Security method enrolled",
        });
        return undefined;
      }),
    ),

    /**
     * Recovery codes: a new set, shown this once, replacing any older one. A backup to an access
     * method, so at activation only once the required methods are set up; from Settings after the
     * change verification made for it.
     */
    http.post(
      route("/api/enroll/recovery-codes"),
      step(db, "recovery_codes", async (ctx, { session, user }) => {
        if (!isEnrollmentComplete(user)) {
          throw new HandlerError(
            409,
            "ENROLLMENT_INCOMPLETE",
            "Set up the required security methods first.",
          );
        }
        const codes = await generateRecoveryCodes(ctx, user);
        endSetUp(session, ctx.now, "recovery_codes");
        return { codes };
      }),
    ),

    /** "Set up later": once the required methods are set up, the user is signed in. */
    http.post(route("/api/enroll/finish"), ({ request, cookies }) =>
      withSession(db, request, cookies, async (ctx) => {
        const { session, user } = requireEnrolling(ctx, null);
        if (session.stage !== "ENROLLING")
          throw new HandlerError(409, "WRONG_STEP", "No set-up to finish.");
        if (!isEnrollmentComplete(user)) {
          throw new HandlerError(
            409,
            "ENROLLMENT_INCOMPLETE",
            "Set up the required security methods first.",
          );
        }
        const [first] = user.methods;
        completeSignIn(
          ctx,
          session,
          user,
          user.lastUsed ?? (first ? { methodId: first.id, mode: "code" } : undefined),
        );
        return { session, body: toAuthnState(ctx.state, session, ctx.now) };
      }),
    ),
  ];
}

/** The Okta Verify app on the development phone: it "scans" a set-up's QR code. */
export function confirmOktaVerify(
  state: MockState,
  setupId: string,
  now: number,
  deviceName?: string,
) {
  for (const session of state.sessions) {
    const pending = session.pending.oktaVerify;
    if (pending?.id !== setupId || pending.status !== "waiting" || now > pending.expiresAt)
      continue;
    // From Settings, only while the verification made for this set-up holds.
    if (session.stage === "SUCCESS" && settingsSetUp(session, now) !== "okta_verify") break;
    const user = userById(state, session.userId);
    if (!user) break;
    const count = user.methods.filter((m) => m.type === "okta_verify").length;
    const name = deviceName ?? `${user.firstName}'s phone${count ? ` ${count + 1}` : ""}`;
    user.methods.push(oktaVerify(name, pending.secret, now));
    pending.status = "confirmed";
    endSetUp(session, now, "okta_verify");
    notifySecurityChange(
      { state, now, userAgent: "Okta Verify" },
      {
        user,
        type: "method_enrolled",
        what: `Okta Verify (${name})`,
        subject: "FINRA TRAQS - Security method enrolled",
      },
    );
    return user;
  }
  throw new HandlerError(404, "NOT_FOUND", "No Okta Verify set-up is waiting for that code.");
}
