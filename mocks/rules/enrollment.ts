import { parsePhoneNumberFromString } from "libphonenumber-js";
import type { SetUpMethod } from "../../src/api/contracts/account";
import type {
  EnrollmentState,
  EnrollPhoneRequest,
  OktaVerifyEnrollment,
  PhoneEnrollment,
} from "../../src/api/contracts/enrollment";
import { recordActivity } from "../db/activity";
import { googleAuthenticator, oktaVerify, phone } from "../db/factories";
import { hashAnswer } from "../db/seed";
import { userById } from "../db/sessions";
import type { AccessMethod, MockState, Session, User } from "../db/state";
import type { Context } from "./context";
import { constantTimeEqual, randomId, sha256 } from "./crypto";
import { iso } from "./dates";
import { toFactor } from "./factors";
import { assertNotLocked, recordFailure } from "./lockout";
import { notifySecurityChange } from "./notifications";
import { assertPasswordAllowed, storePassword } from "./passwords";
import { maskPhone } from "./phone";
import { sendPhoneCode } from "./phone-codes";
import { MINUTE, POLICY } from "./policy";
import { generateRecoveryCodes, recoveryCodesView } from "./recovery-codes";
import { Refusal } from "./refusal";
import { recordSend, sendWaitSeconds } from "./send-limits";
import { completeSignIn, startOver } from "./sign-in";
import { hasSettingsAccess, settingsSetUp, spendGrant } from "./step-up-grants";
import { checkTotp, newTotpSecret, totpUri } from "./totp";

/**
 * Enrollment ("set up"): after the activation link or a password alone, the user sets up a
 * password, a security question and security methods; Settings reopens the same steps for one
 * method at a time, after the change verification made for it.
 */

const OKTA_VERIFY_SETUP_MINUTES = 10;

/** SPEC: password (access) + security question (recovery) + at least one access method. */
export function isEnrollmentComplete(user: User): boolean {
  return Boolean(user.password && user.securityQuestion && user.methods.length > 0);
}

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
export function setUpInProgress(
  ctx: Context,
  target: SetUpTarget,
): { session: Session; user: User } {
  const session = ctx.session;
  const user = session ? userById(ctx.state, session.userId) : null;
  if (!session || !user || (session.stage !== "ENROLLING" && session.stage !== "SUCCESS")) {
    throw new Refusal(401, "UNAUTHENTICATED", "No set-up is in progress.");
  }
  if (session.stage === "SUCCESS") {
    const allowed =
      target === null
        ? hasSettingsAccess(session, ctx.now)
        : settingsSetUp(session, ctx.now) === target;
    if (!allowed) {
      throw new Refusal(
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

/**
 * A new access method of the user. Their other set-ups in progress end with it: one reached with
 * the password alone (allowed while there was no method, rules/sign-in.ts) must now sign in with a
 * method, as every new sign-in must.
 */
export function addAccessMethod(
  state: MockState,
  session: Session,
  user: User,
  method: AccessMethod,
): void {
  user.methods.push(method);
  state.sessions = state.sessions.filter(
    (s) => s.userId !== user.id || s.stage !== "ENROLLING" || s.id === session.id,
  );
}

/** A set-up from Settings is over once its method is set up: its verification is spent. */
export function endSetUp(session: Session, now: number, method: SetUpMethod): void {
  if (session.stage === "SUCCESS") spendGrant(session, now, { kind: "setUp", method });
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
async function sendPhoneSetUpCode(
  ctx: Context,
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
    throw new Refusal(429, "RATE_LIMITED", "Wait before asking for another code.", {
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
function refuseCode(ctx: Context, user: User, error: Refusal): never {
  recordFailure(ctx.state, user.login, user, ctx.now, ctx.userAgent);
  assertNotLocked(ctx.state, user.login, ctx.now);
  throw error;
}

/** Refuses an authenticator code, saying how (wrong, stale, or the phone's clock is off). */
function refuseTotp(ctx: Context, user: User, check: ReturnType<typeof checkTotp>): never {
  if (check.result === "skewed") {
    refuseCode(
      ctx,
      user,
      new Refusal(401, "CLOCK_SKEW", "Your phone's clock looks off.", {
        skewSeconds: check.skewSeconds,
      }),
    );
  }
  refuseCode(ctx, user, new Refusal(401, "INVALID_CODE", "That code is not right."));
}

/** The activation link of the welcome email: once, before it expires, it starts the set-up. */
export async function activate(
  ctx: Context,
  token: string,
): Promise<{ session: Session; user: User }> {
  const tokenHash = await sha256(token);
  const user = ctx.state.users.find(
    (u) => u.activation && constantTimeEqual(u.activation.tokenHash, tokenHash),
  );
  const activation = user?.activation;
  if (!user || !activation)
    throw new Refusal(404, "ACTIVATION_INVALID", "This activation link is not valid.");
  // Once the account has a password it is active, whatever link is left over (one resent while
  // the first was in use): a link never signs into an active account.
  if (activation.usedAt !== null || user.status !== "STAGED")
    throw new Refusal(410, "ACTIVATION_USED", "This activation link has already been used.");
  if (ctx.now > activation.expiresAt)
    throw new Refusal(410, "ACTIVATION_EXPIRED", "This activation link has expired.");
  activation.usedAt = ctx.now;
  const session = startOver(ctx);
  session.login = user.login;
  session.userId = user.id;
  session.stage = "ENROLLING";
  recordActivity(ctx.state, {
    userId: user.id,
    type: "account_activated",
    at: ctx.now,
    userAgent: ctx.userAgent,
  });
  return { session, user };
}

/** The first password; Okta activates the account once it has one: from now on the user can sign in. */
export async function setFirstPassword(ctx: Context, user: User, password: string): Promise<void> {
  await assertPasswordAllowed(user, password, ctx.now);
  await storePassword(user, password, ctx.now);
  user.status = "ACTIVE";
  notifySecurityChange(ctx, {
    user: user,
    type: "password_set",
    what: "Password",
    subject: "FINRA TRAQS - Password set",
  });
}

export async function setSecurityQuestion(
  ctx: Context,
  session: Session,
  user: User,
  { question, answer }: { question: string; answer: string },
): Promise<void> {
  if (question.toLowerCase().includes(answer.toLowerCase())) {
    throw new Refusal(400, "VALIDATION", "The answer must not be part of the question.", {
      fields: { answer: "validation.answerInQuestion" },
    });
  }
  user.securityQuestion = { question, answer: await hashAnswer(answer) };
  endSetUp(session, ctx.now, "security_question");
  notifySecurityChange(ctx, {
    user: user,
    type: "security_question_set",
    what: "Security Question",
    subject: "FINRA TRAQS - Security method enrolled",
  });
}

/** The key to scan: the same until this set-up ends, so a wrong code or a reload keeps it. */
export function googleAuthenticatorKey(session: Session, user: User) {
  if (user.methods.some((m) => m.type === "google_authenticator")) {
    throw new Refusal(409, "ALREADY_ENROLLED", "Google Authenticator is already set up.");
  }
  session.pending.googleAuthenticator ??= { secret: newTotpSecret() };
  const { secret } = session.pending.googleAuthenticator;
  return { key: secret, uri: totpUri(secret, user.login) };
}

/** A code of the scanned key proves the set-up; it cannot be used again to sign in. */
export function confirmGoogleAuthenticator(
  ctx: Context,
  session: Session,
  user: User,
  code: string,
): void {
  const pending = session.pending.googleAuthenticator;
  if (!pending) throw new Refusal(409, "WRONG_STEP", "Scan the barcode first.");
  assertNotLocked(ctx.state, user.login, ctx.now);
  const check = checkTotp(pending.secret, code, ctx.now, 0);
  if (check.result !== "ok") refuseTotp(ctx, user, check);
  addAccessMethod(ctx.state, session, user, {
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
}

/** Starts, or resumes while it is valid, an Okta Verify set-up; its status tells when the app confirmed. */
export function oktaVerifySetUp(ctx: Context, session: Session, user: User): OktaVerifyEnrollment {
  let pending = pendingOktaVerify(session, ctx.now);
  // Telling that the app confirmed only reads; starting a set-up or waiting on one changes.
  if (pending?.status !== "confirmed") setUpInProgress(ctx, "okta_verify");
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
}

export function phoneInSetUp(session: Session): PhoneEnrollment {
  if (!session.pending.phone) throw new Refusal(404, "NOT_FOUND", "No phone is being set up.");
  return toPhoneEnrollment(session.pending.phone);
}

/** A number to set up: a valid one gets a code by text or voice call. */
export function startPhoneSetUp(
  ctx: Context,
  session: Session,
  user: User,
  body: EnrollPhoneRequest,
): Promise<PhoneEnrollment> {
  if (!parsePhoneNumberFromString(body.e164)?.isValid()) {
    throw new Refusal(400, "INVALID_PHONE", "That phone number is not valid.");
  }
  return sendPhoneSetUpCode(ctx, session, user, {
    ...body,
    extension: body.channel === "voice" ? body.extension : undefined,
  });
}

function phoneBeingSetUp(session: Session) {
  const pending = session.pending.phone;
  if (!pending) throw new Refusal(409, "WRONG_STEP", "Enter a phone number first.");
  return pending;
}

export function resendPhoneSetUpCode(
  ctx: Context,
  session: Session,
  user: User,
): Promise<PhoneEnrollment> {
  return sendPhoneSetUpCode(ctx, session, user, phoneBeingSetUp(session));
}

/** The code sent to the number proves it: the phone becomes one of the user's methods. */
export async function confirmPhone(
  ctx: Context,
  session: Session,
  user: User,
  code: string,
): Promise<void> {
  const pending = phoneBeingSetUp(session);
  assertNotLocked(ctx.state, user.login, ctx.now);
  if (ctx.now > pending.expiresAt) {
    refuseCode(
      ctx,
      user,
      new Refusal(401, "CODE_EXPIRED", "That code has expired. Send a new one."),
    );
  }
  if (!constantTimeEqual(await sha256(code), pending.codeHash)) {
    refuseCode(ctx, user, new Refusal(401, "INVALID_CODE", "That code is not right."));
  }
  addAccessMethod(
    ctx.state,
    session,
    user,
    phone(pending.e164, pending.channel, ctx.now, pending.extension),
  );
  delete session.pending.phone;
  endSetUp(session, ctx.now, "phone");
  notifySecurityChange(ctx, {
    user: user,
    type: "method_enrolled",
    what: `Phone (${pending.channel === "sms" ? "SMS" : "Voice call"}) ${maskPhone(pending.e164)}`,
    subject: "FINRA TRAQS - Security method enrolled",
  });
}

function requireComplete(user: User): void {
  if (!isEnrollmentComplete(user)) {
    throw new Refusal(409, "ENROLLMENT_INCOMPLETE", "Set up the required security methods first.");
  }
}

/**
 * Recovery codes: a new set, shown this once, replacing any older one. A backup to an access
 * method, so at activation only once the required methods are set up.
 */
export async function setUpRecoveryCodes(
  ctx: Context,
  session: Session,
  user: User,
): Promise<string[]> {
  requireComplete(user);
  const codes = await generateRecoveryCodes(ctx, user);
  endSetUp(session, ctx.now, "recovery_codes");
  return codes;
}

/** "Set up later": once the required methods are set up, the user is signed in. */
export function finishEnrollment(ctx: Context): void {
  const { session, user } = setUpInProgress(ctx, null);
  if (session.stage !== "ENROLLING") throw new Refusal(409, "WRONG_STEP", "No set-up to finish.");
  requireComplete(user);
  const [first] = user.methods;
  completeSignIn(
    ctx,
    session,
    user,
    user.lastUsed ?? (first ? { methodId: first.id, mode: "code" } : undefined),
  );
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
    addAccessMethod(state, session, user, oktaVerify(name, pending.secret, now));
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
  throw new Refusal(404, "NOT_FOUND", "No Okta Verify set-up is waiting for that code.");
}
