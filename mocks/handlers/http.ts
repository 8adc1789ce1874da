import { http, HttpResponse } from "msw";
import type * as z from "zod/mini";
import type { ErrorBody, ErrorCode } from "../../src/api/contracts/common";

/** Handlers match any origin: the browser's own, the local server's, or a test's. */
export const route = (path: string) => `*${path}`;

export const SESSION_COOKIE = "traqs_sid";

/** An error that a handler answers with; `respond` turns it into the JSON error body. */
export class HandlerError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extra: Omit<ErrorBody["error"], "code" | "message"> = {},
  ) {
    super(message);
  }
}

export function errorResponse(error: HandlerError) {
  const body: ErrorBody = { error: { code: error.code, message: error.message, ...error.extra } };
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (error.extra.retryAfterSeconds !== undefined) {
    headers["Retry-After"] = String(error.extra.retryAfterSeconds);
  }
  return HttpResponse.json(body, { status: error.status, headers });
}

/** Runs a resolver; a HandlerError becomes its response, anything else a 500 that says so. */
export async function respond(resolve: () => Promise<Response>): Promise<Response> {
  try {
    return await resolve();
  } catch (error) {
    if (error instanceof HandlerError) return errorResponse(error);
    console.error("mock backend:", error);
    return errorResponse(new HandlerError(500, "SERVER_ERROR", "The server could not answer."));
  }
}

/**
 * Parses a JSON body with the contract's schema; a bad body is a 400 naming the fields. Its size and
 * content type were checked before any handler ran (`requestRules`).
 */
export async function readBody<S extends z.ZodMiniType>(
  request: Request,
  schema: S,
): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    const text = await request.text();
    raw = text ? JSON.parse(text) : {};
  } catch {
    throw new HandlerError(400, "VALIDATION", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join(".") || "body"] = issue.message;
    throw new HandlerError(400, "VALIDATION", "The request is not valid.", { fields });
  }
  return parsed.data as z.infer<S>;
}

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

/** The largest body any endpoint takes; the local server stops reading a longer one. */
export const MAX_BODY_BYTES = 64 * 1024;

const CHANGES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The media type of the body, without its parameters ("application/json; charset=utf-8"). */
function mediaType(request: Request): string | null {
  const header = request.headers.get("content-type");
  return header === null ? null : (header.split(";")[0] ?? "").trim().toLowerCase();
}

/** The body's size: as declared when that is already too much, else as read. */
async function bodySize(request: Request): Promise<number> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > MAX_BODY_BYTES) return declared;
  return request.body === null ? 0 : (await request.clone().arrayBuffer()).byteLength;
}

/**
 * Whether a browser sent this from a page of the backend's own origin (SECURITY 40). A browser sets
 * Sec-Fetch-Site and Origin itself, a page's script cannot: each one present must say so. A request
 * with neither comes from outside a browser (curl, scripts), which is not where cross-site request
 * forgery happens: there is no other site's page to make it.
 */
function fromOwnPages(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  return (
    (site === null || site === "same-origin") &&
    (origin === null || origin === new URL(request.url).origin)
  );
}

/**
 * What a state-changing request of the app's own endpoints must be before a handler reads it: from
 * this origin's pages (else 403), at most MAX_BODY_BYTES (else 413), and JSON (else 415), which a
 * form or another site's script cannot send without the browser asking first (CORS preflight). A
 * DELETE with no body needs no content type.
 */
async function appRequestRefusal(request: Request): Promise<Response | undefined> {
  if (!CHANGES.has(request.method)) return undefined;
  if (!fromOwnPages(request))
    return errorResponse(
      new HandlerError(403, "CROSS_ORIGIN", "Requests from other sites are refused."),
    );
  const size = await bodySize(request);
  if (size > MAX_BODY_BYTES)
    return errorResponse(new HandlerError(413, "VALIDATION", "The request body is too large."));
  const type = mediaType(request);
  const typeNeeded = request.method !== "DELETE" || size > 0;
  if ((typeNeeded || type !== null) && type !== "application/json")
    return errorResponse(
      new HandlerError(415, "VALIDATION", "The request body must be JSON (application/json)."),
    );
  return undefined;
}

/** The token endpoint is for scripts (any origin): a form (RFC 6749 §6), of a bounded size. */
async function tokenRequestRefusal(request: Request): Promise<Response | undefined> {
  if ((await bodySize(request)) > MAX_BODY_BYTES)
    return oauthError(413, "invalid_request", "The request body is too large.");
  if (mediaType(request) !== "application/x-www-form-urlencoded")
    return oauthError(
      400,
      "invalid_request",
      "The body must be form-encoded (application/x-www-form-urlencoded).",
    );
  return undefined;
}

/**
 * The rules every request meets before its handler runs, in one place for the browser, Vitest and
 * the local server. They answer only a refusal; an accepted request goes on to its handler.
 */
export function requestRules() {
  return [
    http.all(route("/api/*"), ({ request }) => appRequestRefusal(request)),
    http.all(route("/__dev/*"), ({ request }) => appRequestRefusal(request)),
    http.post(route("/oauth2/token"), ({ request }) => tokenRequestRefusal(request)),
  ];
}

export function json(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
) {
  return HttpResponse.json(body as never, {
    status: init.status ?? 200,
    headers: { "Cache-Control": "no-store", ...init.headers },
  });
}

/**
 * The session cookie. In the browser the mock runs in the page itself and can only set cookies
 * through document.cookie, which refuses HttpOnly; the local server sends the real attributes.
 */
export function sessionCookie(id: string | null, name = SESSION_COOKIE): string {
  const httpOnly = typeof document === "undefined" ? "; HttpOnly" : "";
  const value = id ?? "";
  const expiry = id ? "" : "; Max-Age=0";
  return `${name}=${value}; Path=/; SameSite=Strict${httpOnly}${expiry}`;
}
