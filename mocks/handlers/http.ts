import { HttpResponse } from "msw";
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

/** Parses a JSON body with the contract's schema; a bad body is a 400 naming the fields. */
export async function readBody<S extends z.ZodMiniType>(
  request: Request,
  schema: S,
): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    const bytes = await request.arrayBuffer();
    if (bytes.byteLength > 64 * 1024)
      throw new HandlerError(413, "VALIDATION", "The request body is too large.");
    const text = new TextDecoder().decode(bytes);
    raw = text ? JSON.parse(text) : {};
  } catch (error) {
    if (error instanceof HandlerError) throw error;
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
export function sessionCookie(id: string | null): string {
  const httpOnly = typeof document === "undefined" ? "; HttpOnly" : "";
  const value = id ?? "";
  const expiry = id ? "" : "; Max-Age=0";
  return `${SESSION_COOKIE}=${value}; Path=/; SameSite=Strict${httpOnly}${expiry}`;
}
