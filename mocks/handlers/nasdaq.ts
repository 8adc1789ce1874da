import { http } from "msw";
import {
  ActivateTokenRequest,
  NasdaqLoginRequest,
  ProveTokenRequest,
  SetTwoFactorPasswordRequest,
} from "../../src/api/contracts/nasdaq";
import type { MockDb } from "../db/store";
import { signedIn, verifiedFor } from "../http/callers";
import { nasdaqApplications } from "../http/nasdaq-session";
import { readBody, route } from "../http/respond";
import {
  activate,
  endNasdaqSession,
  logIn,
  proveEnrollment,
  removeOwnToken,
  setTwoFactorPassword,
  toEnrollment,
  toSessionState,
} from "../rules/nasdaq";

/**
 * The Nasdaq two-factor login (`nasdaq-2fa-mobilepass.md`): `/api/nasdaq/enrollment` (the token's
 * owner, signed in to the Okta dashboard), `/api/nasdaq/mobilepass` (Settings' Remove), and the
 * one-screen login with its own session (`/api/nasdaq/login`, `/api/nasdaq/session`).
 */
export function nasdaqHandlers(db: MockDb) {
  return [
    http.get(
      route("/api/nasdaq/enrollment"),
      signedIn(db, async ({ ctx, user }) => toEnrollment(ctx.state, user)),
    ),
    http.post(
      route("/api/nasdaq/enrollment/activate"),
      signedIn(db, async ({ ctx, user, request }) => {
        const { activationCode } = await readBody(request, ActivateTokenRequest);
        await activate(ctx, user, activationCode);
        return toEnrollment(ctx.state, user);
      }),
    ),
    http.post(
      route("/api/nasdaq/enrollment/password"),
      signedIn(db, async ({ ctx, user, request }) => {
        const { password } = await readBody(request, SetTwoFactorPasswordRequest);
        await setTwoFactorPassword(ctx, user, password);
        return toEnrollment(ctx.state, user);
      }),
    ),
    http.post(
      route("/api/nasdaq/enrollment/verify"),
      signedIn(db, async ({ ctx, user, request }) => {
        const { passcode } = await readBody(request, ProveTokenRequest);
        proveEnrollment(ctx, user, passcode);
        return toEnrollment(ctx.state, user);
      }),
    ),
    http.delete(
      route("/api/nasdaq/mobilepass"),
      verifiedFor(db, { kind: "removeMobilePass" }, async ({ ctx, user, verified }) => {
        removeOwnToken(ctx, user, verified);
        return toEnrollment(ctx.state, user);
      }),
    ),

    http.post(
      route("/api/nasdaq/login"),
      nasdaqApplications(db, async ({ ctx, request, nasdaq }) => {
        const typed = await readBody(request, NasdaqLoginRequest);
        const session = await logIn(ctx, nasdaq, typed);
        return { nasdaq: session, answer: toSessionState(ctx.state, session) };
      }),
    ),
    http.get(
      route("/api/nasdaq/session"),
      nasdaqApplications(db, async ({ ctx, nasdaq }) => ({
        nasdaq,
        answer: toSessionState(ctx.state, nasdaq),
      })),
    ),
    http.delete(
      route("/api/nasdaq/session"),
      nasdaqApplications(db, async ({ ctx, nasdaq }) => {
        endNasdaqSession(ctx.state, nasdaq);
        return { nasdaq: null, answer: null };
      }),
    ),
  ];
}
