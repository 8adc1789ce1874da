import { findSession, userById } from "../db/sessions";
import type { MockState, Session, User } from "../db/state";
import type { MockDb } from "../db/store";
import { HandlerError, json, respond, SESSION_COOKIE, sessionCookie } from "./http";

export type SessionContext = {
  state: MockState;
  session: Session | null;
  now: number;
  userAgent: string;
};

/**
 * Runs one request in a transaction with the caller's session (if any) loaded, and sends the
 * session cookie again whenever the handler started, replaced or ended the session.
 */
export function withSession(
  db: MockDb,
  request: Request,
  cookies: Record<string, string>,
  handle: (
    ctx: SessionContext,
  ) => Promise<{ session: Session | null; body: unknown; status?: number }>,
) {
  return respond(() =>
    db.transaction(async (state) => {
      const now = db.now(state);
      const session = findSession(state, cookies[SESSION_COOKIE], now);
      // In the page, MSW's requests carry no User-Agent header: the page's own is the same one.
      const userAgent =
        request.headers.get("user-agent") ??
        (typeof document === "undefined" ? "unknown" : navigator.userAgent);
      const result = await handle({ state, session, now, userAgent });
      const headers: Record<string, string> = {};
      if (result.session?.id !== cookies[SESSION_COOKIE]) {
        headers["Set-Cookie"] = sessionCookie(result.session?.id ?? null);
      }
      return json(result.body, { status: result.status ?? 200, headers });
    }),
  );
}

/** The signed-in session and user of this request, or a 401 that sends the app to sign in. */
export function signedInFrom(ctx: SessionContext): { session: Session; user: User } {
  const session = ctx.session;
  const user = session?.stage === "SUCCESS" ? userById(ctx.state, session.userId) : null;
  if (!session || !user) throw new HandlerError(401, "UNAUTHENTICATED", "Sign in to continue.");
  return { session, user };
}

/** The same, for a handler that runs its own transaction (a file download, a 204). */
export function requireSignedIn(state: MockState, cookies: Record<string, string>, now: number) {
  return signedInFrom({
    state,
    session: findSession(state, cookies[SESSION_COOKIE], now),
    now,
    userAgent: "",
  });
}

type Params = Record<string, string | readonly string[] | undefined>;

/** A request that needs a signed-in session; its answer is what `run` returns (null: 204). */
export function signedIn(
  db: MockDb,
  run: (
    ctx: SessionContext,
    found: { session: Session; user: User },
    request: Request,
    params: Params,
  ) => Promise<unknown>,
) {
  return ({
    request,
    cookies,
    params,
  }: {
    request: Request;
    cookies: Record<string, string>;
    params: Params;
  }) =>
    withSession(db, request, cookies, async (ctx) => {
      const found = signedInFrom(ctx);
      const body = await run(ctx, found, request, params);
      return { session: found.session, body, status: body === null ? 204 : 200 };
    });
}
