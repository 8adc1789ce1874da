import { findSession } from "../db/sessions";
import type { MockState, Session } from "../db/state";
import type { MockDb } from "../db/store";
import { json, respond, SESSION_COOKIE, sessionCookie } from "./http";

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
      const userAgent = request.headers.get("user-agent") ?? "unknown";
      const result = await handle({ state, session, now, userAgent });
      const headers: Record<string, string> = {};
      if (result.session?.id !== cookies[SESSION_COOKIE]) {
        headers["Set-Cookie"] = sessionCookie(result.session?.id ?? null);
      }
      return json(result.body, { status: result.status ?? 200, headers });
    }),
  );
}
