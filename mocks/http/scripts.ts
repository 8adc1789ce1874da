import { HttpResponse } from "msw";
import type { User } from "../db/state";
import type { MockDb } from "../db/store";
import type { Context } from "../rules/context";
import { accessTokenOwner } from "../rules/tokens";
import type { Call, Resolver } from "./callers";
import { respond } from "./respond";

/**
 * The callers that are scripts, not the app: the token endpoint (RFC 6749 §6) and the downloads with
 * a Bearer access token (RFC 6750). They answer in OAuth's terms, and have no session or cookie.
 */

const REALM = "TRAQS API";

/** An OAuth error body (RFC 6749 §5.2), never cached: the answer of the endpoints for scripts. */
export function oauthError(
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
) {
  return HttpResponse.json(
    { error, error_description: description },
    { status, headers: { "Cache-Control": "no-store", ...headers } },
  );
}

/** A script's request refused: thrown by a handler, answered with this response as it is. */
export class ScriptRefusal extends Error {
  constructor(readonly response: Response) {
    super("refused");
  }
}

/** The challenge of a Bearer refusal (RFC 6750 §3), with its error code when there is one. */
export function bearerChallenge(error?: string, description?: string): Record<string, string> {
  const parts = [`realm="${REALM}"`];
  if (error) parts.push(`error="${error}"`);
  if (description) parts.push(`error_description="${description}"`);
  return { "WWW-Authenticate": `Bearer ${parts.join(", ")}` };
}

function serveScript(db: MockDb, handle: (ctx: Context) => Promise<Response>) {
  return respond(() =>
    db.transaction(async (state) => {
      const ctx: Context = { state, now: db.now(state), session: null, userAgent: "" };
      try {
        return await handle(ctx);
      } catch (error) {
        if (error instanceof ScriptRefusal) return error.response;
        throw error;
      }
    }),
  );
}

/** A script at the token endpoint: it proves who it is in the body (a refresh token). */
export function script(db: MockDb, handle: (call: Call) => Promise<Response>): Resolver {
  return (args) => serveScript(db, (ctx) => handle({ ctx, ...args }));
}

/** The user whose access token this request carries (`Authorization: Bearer`), or the refusal. */
async function bearerUser(ctx: Context, request: Request): Promise<User> {
  const header = request.headers.get("authorization") ?? "";
  // RFC 6750 §3.1: no Bearer credentials at all is the bare challenge, no error code.
  if (!/^Bearer(\s|$)/i.test(header))
    throw new ScriptRefusal(
      new HttpResponse(null, {
        status: 401,
        headers: { ...bearerChallenge(), "Cache-Control": "no-store" },
      }),
    );
  const match = /^Bearer +([\w~+/.-]+=*)$/i.exec(header);
  if (!match)
    throw new ScriptRefusal(
      oauthError(
        400,
        "invalid_request",
        "Authorization: Bearer <access token>.",
        bearerChallenge("invalid_request"),
      ),
    );
  const owner = await accessTokenOwner(ctx.state, match[1] ?? "", ctx.now);
  if (owner === "unknown user")
    throw new ScriptRefusal(oauthError(401, "invalid_token", "Unknown user."));
  if (owner === "invalid")
    throw new ScriptRefusal(
      oauthError(
        401,
        "invalid_token",
        "The access token is expired, revoked or invalid.",
        bearerChallenge("invalid_token", "The access token is expired, revoked or invalid"),
      ),
    );
  return owner;
}

/** A script with an access token: the handler gets the token's user. */
export function bearer(
  db: MockDb,
  handle: (call: Call & { user: User }) => Promise<Response>,
): Resolver {
  return (args) =>
    serveScript(db, async (ctx) =>
      handle({ ctx, ...args, user: await bearerUser(ctx, args.request) }),
    );
}
