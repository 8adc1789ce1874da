import { HttpResponse } from "msw";
import type * as z from "zod/mini";
import type { ErrorBody } from "../../src/api/contracts/error-codes";
import type { DownloadRequest } from "../rules/downloads";
import { Refusal } from "../rules/refusal";

/** Handlers match any origin: the browser's own, the local server's, or a test's. */
export const route = (path: string) => `*${path}`;

/** The JSON error body of a refusal, never cached; a wait is said in Retry-After too. */
export function errorResponse(error: Refusal) {
  const body: ErrorBody = { error: { code: error.code, message: error.message, ...error.extra } };
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (error.extra.retryAfterSeconds !== undefined) {
    headers["Retry-After"] = String(error.extra.retryAfterSeconds);
  }
  return HttpResponse.json(body, { status: error.status, headers });
}

/** Runs a resolver; a Refusal becomes its response, anything else a 500 that says so. */
export async function respond(resolve: () => Promise<Response>): Promise<Response> {
  try {
    return await resolve();
  } catch (error) {
    if (error instanceof Refusal) return errorResponse(error);
    console.error("mock backend:", error);
    return errorResponse(new Refusal(500, "SERVER_ERROR", "The server could not answer."));
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
    throw new Refusal(400, "VALIDATION", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error.issues, "body");
  return parsed.data as z.infer<S>;
}

/** The parameters of a GET, parsed with the contract's schema; a bad one is a 400 naming them. */
export function readQuery<S extends z.ZodMiniType>(request: Request, schema: S): z.output<S> {
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error.issues, "query");
  return parsed.data as z.output<S>;
}

/** A 400 that names each field the schema refused. */
function invalid(issues: readonly { path: PropertyKey[]; message: string }[], whole: string) {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.path.join(".") || whole] = issue.message;
  return new Refusal(400, "VALIDATION", "The request is not valid.", { fields });
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

/** A CSV file as a download, never cached. */
export function csvFile({ csv, fileName }: { csv: string; fileName: string }) {
  return new HttpResponse(csv, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** A download's request: the facility and file (in the path, else the query), `action` and `day`. */
export function downloadRequest(
  request: Request,
  path: { facility?: unknown; file?: unknown } = {},
): DownloadRequest {
  const query = new URL(request.url).searchParams;
  return {
    facility: String(path.facility ?? query.get("facility") ?? ""),
    file: String(path.file ?? query.get("file") ?? ""),
    action: query.get("action"),
    day: query.get("day"),
  };
}
