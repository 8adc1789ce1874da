import { http } from "msw";
import type { AdminAction } from "../../src/api/contracts/account";
import { AdminActionRequest } from "../../src/api/contracts/admin";
import {
  ActivateTokenRequest,
  AddToMobilePassRequest,
  NasdaqLoginRequest,
  ProveTokenRequest,
  SetTwoFactorPasswordRequest,
  MOBILEPASS_ADMIN_ACTIONS,
  type AdminMobilePass,
  type DevMobilePassApp,
  type MobilePassAdminAction,
  type NasdaqEnrollment,
  type NasdaqSessionState,
} from "../../src/api/contracts/nasdaq";
import { recordActivity } from "../db/activity";
import { userById } from "../db/sessions";
import type { MockState, NasdaqSession, User } from "../db/state";
import type { MockDb } from "../db/store";
import { userAgentOf } from "../rules/client-info";
import {
  activateToken,
  activationString,
  enrollmentStep,
  findNasdaqSession,
  issueRefusal,
  issueToken,
  nasdaqLockedUntil,
  resendActivation,
  liveToken,
  mobilePassUri,
  nasdaqLogin,
  proveToken,
  revokeToken,
  startNasdaqSession,
  storeTwoFactorPassword,
  toTokenView,
  twoFactorPasswordRulesBroken,
  unlockNasdaqLogin,
} from "../rules/mobilepass";
import { hasSettingsAccess } from "../rules/verification-grants";
import { generateTotp } from "../rules/totp";
import { HandlerError, json, readBody, respond, route, sessionCookie } from "./http";
import {
  administrativeChange,
  administrator,
  changedUser,
  visibleUser,
  type ChangeSteps,
} from "./admin-context";
import { signedIn } from "./session-context";

/** The Nasdaq applications' session cookie: their own, apart from the Okta dashboard's. */
export const NASDAQ_SESSION_COOKIE = "nasdaq_sid";

/** One answer for any wrong part of the window (SECURITY 39): never which one. */
const LOGIN_FAILED = "Login failed. Check your User Name, 2FA-Password and Passcode.";

export function toEnrollment(state: MockState, user: User): NasdaqEnrollment {
  const token = liveToken(state, user.id);
  const step = enrollmentStep(user, token);
  return {
    login: user.login,
    firstName: user.firstName,
    lastName: user.lastName,
    applications: user.nasdaqApplications,
    token: token ? toTokenView(token) : null,
    step,
    // The seed goes to its owner's signed-in session only, and only until the token is enrolled.
    ...(token && step === "ADD_TOKEN"
      ? { addToken: { qrUri: mobilePassUri(token), activationString: activationString(token) } }
      : {}),
  };
}

function toSessionState(state: MockState, session: NasdaqSession | null): NasdaqSessionState {
  const user = session ? userById(state, session.userId) : null;
  if (!user) return { session: null };
  return {
    session: {
      username: user.login,
      firstName: user.firstName,
      lastName: user.lastName,
      applications: user.nasdaqApplications,
    },
  };
}

/** The user's token at the step the request belongs to; otherwise the enrollment moved on. */
function tokenAt(state: MockState, user: User, step: NasdaqEnrollment["step"]) {
  const token = liveToken(state, user.id);
  if (!token)
    throw new HandlerError(409, "NO_TOKEN", "No MobilePASS token has been issued to you.");
  if (enrollmentStep(user, token) !== step)
    throw new HandlerError(409, "WRONG_STEP", "This enrollment step is over or not reached yet.");
  return token;
}

const ACTIVATION_ERRORS = {
  noToken: [409, "NO_TOKEN", "No MobilePASS token has been issued to you."],
  invalid: [400, "ACTIVATION_INVALID", "This activation code is not valid."],
  expired: [410, "ACTIVATION_EXPIRED", "This activation code has expired."],
  used: [410, "ACTIVATION_USED", "This activation code has already been used."],
  revoked: [410, "ACTIVATION_REVOKED", "This MobilePASS token was revoked."],
  enrolled: [409, "WRONG_STEP", "This token is already enrolled."],
} as const;

function toAdminMobilePass(state: MockState, user: User, now: number): AdminMobilePass {
  const token = liveToken(state, user.id);
  const locked = nasdaqLockedUntil(state, user, now);
  return {
    applications: user.nasdaqApplications,
    token: token ? toTokenView(token) : null,
    lockedUntil: locked === null ? null : new Date(locked).toISOString(),
    issueRefusal: issueRefusal(state, user),
  };
}

const ADMIN_ACTIONS: Record<MobilePassAdminAction, AdminAction> = {
  issue: "issueMobilePass",
  resend: "resendMobilePass",
  revoke: "revokeMobilePass",
  reissue: "reissueMobilePass",
  unlock: "unlockNasdaqLogin",
};

const ISSUE_REFUSALS = {
  USER_STATUS: "A MobilePASS token is issued only to an Active account.",
  SHARED_ADDRESS: "A MobilePASS token is issued only to an individual address, not a shared one.",
  NOT_ENTITLED: "The user is not entitled to any Nasdaq application.",
  TOKEN_EXISTS: "The user already has a MobilePASS token: Resend, Revoke or Reissue it.",
} as const;

/**
 * An administrator's MobilePASS action on a user: checked (another firm's user is 404, a refusal
 * 409 with its reason) before the administrator's verification is used, then done.
 */
async function mobilePassChange(action: MobilePassAdminAction, steps: ChangeSteps) {
  const { ctx, admin, draft, verified, request, params } = steps;
  draft.reason = (await readBody(request, AdminActionRequest)).reason;
  const user = changedUser(ctx.state, admin, draft, String(params.id));
  const token = liveToken(ctx.state, user.id);
  const refuse = (code: "NO_TOKEN" | "USER_STATUS", message: string) => {
    throw new HandlerError(409, code, message);
  };
  if (action === "issue" || action === "reissue") {
    const refusal = issueRefusal(ctx.state, user);
    const ignored = action === "reissue" ? "TOKEN_EXISTS" : null;
    if (refusal && refusal !== ignored)
      throw new HandlerError(409, refusal, ISSUE_REFUSALS[refusal]);
    if (action === "reissue" && !token) refuse("NO_TOKEN", "The user has no MobilePASS token.");
  }
  if ((action === "resend" || action === "revoke") && !token)
    refuse("NO_TOKEN", "The user has no MobilePASS token.");
  if (action === "resend" && token?.enrolledAt)
    refuse("USER_STATUS", "The token is already enrolled: nothing to resend.");
  if (action === "unlock" && nasdaqLockedUntil(ctx.state, user, ctx.now) === null)
    refuse("USER_STATUS", "The user's Nasdaq login is not locked.");
  verified(user.id);

  let detail: string;
  if (action === "unlock") {
    unlockNasdaqLogin(ctx.state, user);
    detail = "Nasdaq login unlocked";
    recordActivity(ctx.state, {
      userId: user.id,
      type: "administrator_change",
      at: ctx.now,
      userAgent: ctx.userAgent,
      detail,
    });
  } else if (action === "resend" && token) {
    await resendActivation(ctx, user, token);
    detail = `MobilePASS activation code sent again (token ${token.serial})`;
  } else if (action === "revoke" && token) {
    revokeToken(ctx, user, token, false);
    detail = `MobilePASS token ${token.serial} revoked`;
  } else {
    if (token) revokeToken(ctx, user, token, false);
    const issued = await issueToken(ctx, user, admin.user.id);
    detail = token
      ? `MobilePASS token ${token.serial} revoked and ${issued.serial} issued`
      : `MobilePASS token ${issued.serial} issued`;
  }
  return { body: toAdminMobilePass(ctx.state, user, ctx.now), detail };
}

/** What the development phone's MobilePASS app shows: each token added to it, with its passcode. */
function devMobilePass(state: MockState, now: number): DevMobilePassApp {
  const tokens = state.devMobilePass.flatMap((id) => {
    const token = state.mobilePassTokens.find((t) => t.id === id);
    const user = token ? userById(state, token.userId) : null;
    if (!token || !user) return [];
    return [
      { serial: token.serial, username: user.login, passcode: generateTotp(token.secret, now) },
    ];
  });
  return { tokens };
}

/**
 * The Nasdaq two-factor login (`nasdaq-2fa-mobilepass.md`): enrollment of a MobilePASS token by
 * its Okta-signed-in owner, Settings' Remove, the one-screen login with its own session, and the
 * development phone's MobilePASS app.
 */
export function nasdaqHandlers(db: MockDb) {
  /** A request of the Nasdaq applications' own session (cookie NASDAQ_SESSION_COOKIE). */
  const nasdaqRequest =
    (
      run: (
        ctx: { state: MockState; now: number; userAgent: string; session: NasdaqSession | null },
        request: Request,
      ) => Promise<{ session: NasdaqSession | null; body: unknown; status?: number }>,
    ) =>
    ({ request, cookies }: { request: Request; cookies: Record<string, string> }) =>
      respond(() =>
        db.transaction(async (state) => {
          const now = db.now(state);
          const before = cookies[NASDAQ_SESSION_COOKIE];
          const session = findNasdaqSession(state, before, now);
          const result = await run(
            { state, now, userAgent: userAgentOf(request), session },
            request,
          );
          const headers: Record<string, string> = {};
          if (result.session?.id !== before)
            headers["Set-Cookie"] = sessionCookie(
              result.session?.id ?? null,
              NASDAQ_SESSION_COOKIE,
            );
          return json(result.body, { status: result.status ?? 200, headers });
        }),
      );

  return [
    http.get(
      route("/api/nasdaq/enrollment"),
      signedIn(db, async (ctx, { user }) => toEnrollment(ctx.state, user)),
    ),
    http.post(
      route("/api/nasdaq/enrollment/activate"),
      signedIn(db, async (ctx, { user }, request) => {
        const { activationCode } = await readBody(request, ActivateTokenRequest);
        const result = await activateToken(ctx.state, user, activationCode, ctx.now);
        if (result !== "activated") {
          const [status, code, message] = ACTIVATION_ERRORS[result];
          throw new HandlerError(status, code, message);
        }
        return toEnrollment(ctx.state, user);
      }),
    ),
    http.post(
      route("/api/nasdaq/enrollment/password"),
      signedIn(db, async (ctx, { user }, request) => {
        const { password } = await readBody(request, SetTwoFactorPasswordRequest);
        tokenAt(ctx.state, user, "PASSWORD");
        const broken = await twoFactorPasswordRulesBroken(user, password, ctx.now);
        if (broken.length > 0)
          throw new HandlerError(
            400,
            "PASSWORD_POLICY",
            "The password does not meet the requirements.",
            { rules: broken },
          );
        await storeTwoFactorPassword(user, password, ctx.now);
        return toEnrollment(ctx.state, user);
      }),
    ),
    http.post(
      route("/api/nasdaq/enrollment/verify"),
      signedIn(db, async (ctx, { user }, request) => {
        const { passcode } = await readBody(request, ProveTokenRequest);
        const token = tokenAt(ctx.state, user, "ADD_TOKEN");
        const result = proveToken(ctx, user, token, passcode);
        if (result === "replayed")
          throw new HandlerError(400, "CODE_ALREADY_USED", "That passcode has already been used.");
        if (result !== "ok")
          throw new HandlerError(400, "INVALID_CODE", "That passcode is not right.");
        return toEnrollment(ctx.state, user);
      }),
    ),
    // Settings' Remove: the owner, with Settings open (a security method verified lately).
    http.delete(
      route("/api/nasdaq/mobilepass"),
      signedIn(db, async (ctx, { session, user }) => {
        if (!hasSettingsAccess(session, ctx.now))
          throw new HandlerError(
            403,
            "STEP_UP_REQUIRED",
            "Verify it's you with a security method first.",
          );
        const token = liveToken(ctx.state, user.id);
        if (!token) throw new HandlerError(404, "NOT_FOUND", "You have no MobilePASS token.");
        revokeToken(ctx, user, token, true);
        return toEnrollment(ctx.state, user);
      }),
    ),

    http.post(
      route("/api/nasdaq/login"),
      nasdaqRequest(async (ctx, request) => {
        const typed = await readBody(request, NasdaqLoginRequest);
        const result = await nasdaqLogin(ctx, typed);
        if (result.result === "locked")
          throw new HandlerError(403, "ACCOUNT_LOCKED", "This login is locked.", {
            retryAfterSeconds: result.retryAfterSeconds,
          });
        if (result.result === "failed")
          throw new HandlerError(401, "INVALID_CREDENTIALS", LOGIN_FAILED);
        // A new session at every login: an id seen before it is worthless (SECURITY 20).
        if (ctx.session)
          ctx.state.nasdaqSessions = ctx.state.nasdaqSessions.filter((s) => s !== ctx.session);
        const session = startNasdaqSession(ctx.state, result.user, ctx.now);
        return { session, body: toSessionState(ctx.state, session) };
      }),
    ),
    http.get(
      route("/api/nasdaq/session"),
      nasdaqRequest(async (ctx) => ({
        session: ctx.session,
        body: toSessionState(ctx.state, ctx.session),
      })),
    ),
    http.delete(
      route("/api/nasdaq/session"),
      nasdaqRequest(async (ctx) => {
        ctx.state.nasdaqSessions = ctx.state.nasdaqSessions.filter((s) => s !== ctx.session);
        return { session: null, body: null, status: 204 };
      }),
    ),

    // The user's administration page: the token (masked), the lockout, and the actions.
    http.get(
      route("/api/admin/users/:id/mobilepass"),
      administrator(db, (ctx, admin, _request, params) =>
        toAdminMobilePass(ctx.state, visibleUser(ctx.state, admin, String(params.id)), ctx.now),
      ),
    ),
    ...MOBILEPASS_ADMIN_ACTIONS.map((action) =>
      http.post(
        route(`/api/admin/users/:id/mobilepass/${action}`),
        administrativeChange(db, ADMIN_ACTIONS[action], (steps) => mobilePassChange(action, steps)),
      ),
    ),

    // The development phone's MobilePASS app (mock only, like the rest of /__dev).
    http.get(route("/__dev/mobilepass"), () =>
      respond(() => db.transaction((state) => json(devMobilePass(state, db.now(state))))),
    ),
    http.post(route("/__dev/mobilepass"), ({ request }) =>
      respond(() =>
        db.transaction(async (state) => {
          const typed = (await readBody(request, AddToMobilePassRequest)).activationString;
          const secret = typed.replace(/\s/g, "").toUpperCase();
          const token = state.mobilePassTokens.find(
            (t) => t.secret === secret && t.revokedAt === null && t.activation.usedAt !== null,
          );
          if (!token)
            throw new HandlerError(
              404,
              "ACTIVATION_INVALID",
              "This activation string is not valid.",
            );
          if (!state.devMobilePass.includes(token.id)) state.devMobilePass.push(token.id);
          return json(devMobilePass(state, db.now(state)));
        }),
      ),
    ),
  ];
}
