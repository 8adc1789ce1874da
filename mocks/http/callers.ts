import { HttpResponse } from "msw";
import { findSession } from "../db/sessions";
import type { Session, User } from "../db/state";
import type { MockDb } from "../db/store";
import { userAgentOf } from "../rules/client-info";
import type { Context } from "../rules/context";
import { signedInUser } from "../rules/sign-in";
import { requireSettingsAccess, spendGrant, type GrantFor } from "../rules/step-up-grants";
import { SESSION_COOKIE, sessionCookie } from "./cookie";
import { json, respond } from "./respond";

/**
 * The wrappers of mocks/handlers, one for each kind of caller. Each runs the handler in one
 * transaction, turns a Refusal into its error response, and writes the handler's answer out: a
 * Response as it is (a file), null as 204 No Content, anything else as a JSON body.
 */

type Params = Record<string, string | readonly string[] | undefined>;
type ResolverArgs = { request: Request; cookies: Record<string, string>; params: Params };
export type Resolver = (args: ResolverArgs) => Promise<Response>;

/** A handler's answer; `undefined` is not one, so that a forgotten return does not pass as 204. */
export type Answer = Response | null | object;

export type Call = { ctx: Context; request: Request; params: Params };
export type SignedInCall = Call & { session: Session; user: User };
export type Handle<C extends Call = Call> = (call: C) => Promise<Answer>;

export function toResponse(answer: Answer, headers: Record<string, string>): Response {
  if (answer === null) {
    return new HttpResponse(null, {
      status: 204,
      headers: { "Cache-Control": "no-store", ...headers },
    });
  }
  if (!(answer instanceof Response)) return json(answer, { headers });
  if (Object.keys(headers).length === 0) return answer;
  const merged = new Headers(answer.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return new HttpResponse(answer.body, { status: answer.status, headers: merged });
}

/**
 * One request: its context (with the caller's session when `readsSession`), the handler, and the
 * session cookie sent again whenever the session after the handler is not the cookie's (started,
 * replaced with a new id, or ended). A caller that reads no session never gets a cookie either: such
 * an answer can land after another request started a sign-in, and must not undo it.
 */
function serve(
  db: MockDb,
  { request, cookies }: ResolverArgs,
  readsSession: boolean,
  handle: (ctx: Context) => Promise<Answer>,
) {
  return respond(() =>
    db.transaction(async (state) => {
      const now = db.now(state);
      const cookie = cookies[SESSION_COOKIE];
      const ctx: Context = {
        state,
        now,
        userAgent: userAgentOf(request),
        session: readsSession ? findSession(state, cookie, now) : null,
      };
      const answer = await handle(ctx);
      const changed = readsSession && ctx.session?.id !== cookie;
      return toResponse(
        answer,
        changed ? { "Set-Cookie": sessionCookie(ctx.session?.id ?? null) } : {},
      );
    }),
  );
}

/** Anyone, session or not (a report link, the development inbox): no session is read or written. */
export function anonymous(db: MockDb, handle: Handle): Resolver {
  return (args) => serve(db, args, false, (ctx) => handle({ ctx, ...args }));
}

/**
 * A browser in a sign-in: `ctx.session` is its session at whatever stage (or null), which the
 * handler's rule checks for its step (sign-in, set-up, recovery) and may start, replace or end.
 */
export function inSignIn(db: MockDb, handle: Handle): Resolver {
  return (args) => serve(db, args, true, (ctx) => handle({ ctx, ...args }));
}

/** A signed-in user; anyone else is answered 401, which sends the app to sign in. */
export function signedIn(db: MockDb, handle: Handle<SignedInCall>): Resolver {
  return (args) => serve(db, args, true, (ctx) => handle({ ctx, ...args, ...signedInUser(ctx) }));
}

/**
 * What a signed-in user must have verified ("Verify it's you") for a request: "settings" is Settings
 * open (a method verified in the last 15 minutes), checked before the handler; any other purpose is
 * a grant made for exactly that action, which the handler's rule uses up by calling `verified()`
 * once its own checks pass (so a refused change costs no verification). A handler that returns
 * without having used it is a bug, answered 500.
 */
export type Purpose = "settings" | GrantFor;
export type VerifiedCall = SignedInCall & { verified: () => void };

export function verifiedFor(
  db: MockDb,
  purpose: Purpose | ((call: SignedInCall) => Purpose),
  handle: Handle<VerifiedCall>,
): Resolver {
  return signedIn(db, async (call) => {
    const wanted = typeof purpose === "function" ? purpose(call) : purpose;
    if (wanted === "settings") {
      requireSettingsAccess(call.session, call.ctx.now);
      return handle({ ...call, verified: () => undefined });
    }
    let used = false;
    const verified = () => {
      spendGrant(call.session, call.ctx.now, wanted);
      used = true;
    };
    const answer = await handle({ ...call, verified });
    if (!used) throw new Error(`${call.request.method} ${call.request.url} left its grant unused`);
    return answer;
  });
}
