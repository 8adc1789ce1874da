import { http } from "msw";
import { Refusal } from "../rules/refusal";
import { errorResponse, route } from "./respond";
import { oauthError } from "./scripts";

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
      new Refusal(403, "CROSS_ORIGIN", "Requests from other sites are refused."),
    );
  const size = await bodySize(request);
  if (size > MAX_BODY_BYTES)
    return errorResponse(new Refusal(413, "VALIDATION", "The request body is too large."));
  const type = mediaType(request);
  const typeNeeded = request.method !== "DELETE" || size > 0;
  if ((typeNeeded || type !== null) && type !== "application/json")
    return errorResponse(
      new Refusal(415, "VALIDATION", "The request body must be JSON (application/json)."),
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
