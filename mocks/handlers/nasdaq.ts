import { http } from "msw";
import {
  ActivateTokenRequest,
  AddToMobilePassRequest,
  NasdaqLoginRequest,
  ProveTokenRequest,
  SetTwoFactorPasswordRequest,
  type DevMobilePassApp,
  type NasdaqEnrollment,
  type NasdaqSessionState,
} from "../../src/api/contracts/nasdaq";
import { userById } from "../db/sessions";
import type { MockState, NasdaqSession, User } from "../db/state";
import type { MockDb } from "../db/store";
import { userAgentOf } from "../rules/client-info";
import {
  activateToken,
  activationString,
  enrollmentStep,
  findNasdaqSession,
  liveToken,
  mobilePassUri,
  nasdaqLogin,
  proveToken,
  revokeToken,
  startNasdaqSession,
  storeTwoFactorPassword,
  toTokenView,
  twoFactorPasswordRulesBroken,
} from "../rules/mobilepass";
import { hasSettingsAccess } from "../rules/verification-grants";
import { generateTotp } from "../rules/totp";
import { HandlerError, json, readBody, respond, route, sessionCookie } from "./http";
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
