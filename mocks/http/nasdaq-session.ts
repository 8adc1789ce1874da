import type { NasdaqSession } from "../db/state";
import type { MockDb } from "../db/store";
import { userAgentOf } from "../rules/client-info";
import type { Context } from "../rules/context";
import { findNasdaqSession } from "../rules/mobilepass";
import { NASDAQ_SESSION_COOKIE } from "../rules/nasdaq";
import { toResponse, type Answer, type Call, type Resolver } from "./callers";
import { sessionCookie } from "./cookie";
import { respond } from "./respond";

/**
 * A caller of the Nasdaq applications (the "Two-Factor Authentication" window and the pages behind
 * it), with their own session cookie, apart from the Okta dashboard's: `nasdaq` is that session
 * (or null), which the handler may start or end; the cookie is sent again when it changed.
 */
export type NasdaqCall = Call & { nasdaq: NasdaqSession | null };

export function nasdaqApplications(
  db: MockDb,
  handle: (call: NasdaqCall) => Promise<{ nasdaq: NasdaqSession | null; answer: Answer }>,
): Resolver {
  return ({ request, cookies, params }) =>
    respond(() =>
      db.transaction(async (state) => {
        const now = db.now(state);
        const cookie = cookies[NASDAQ_SESSION_COOKIE];
        const ctx: Context = { state, now, userAgent: userAgentOf(request), session: null };
        const nasdaq = findNasdaqSession(state, cookie, now);
        const result = await handle({ ctx, request, params, nasdaq });
        const changed = result.nasdaq?.id !== cookie;
        return toResponse(
          result.answer,
          changed
            ? { "Set-Cookie": sessionCookie(result.nasdaq?.id ?? null, NASDAQ_SESSION_COOKIE) }
            : {},
        );
      }),
    );
}
