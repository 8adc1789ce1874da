import type * as z from "zod/mini";
import { env } from "@/config/env";
import { ErrorAnswer } from "./contracts/common";
import type { ErrorCode } from "./contracts/error-codes";

/** What can go wrong with a request, each with a stable code the UI turns into words. */
export type ApiErrorCode =
  | ErrorCode
  | "NETWORK"
  | "TIMEOUT"
  | "INVALID_RESPONSE"
  // The browser's passkey prompt was closed, timed out, or found no passkey (no request made).
  | "PASSKEY_CANCELLED";

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly retryAfterSeconds: number | undefined;
  readonly skewSeconds: number | undefined;
  readonly fields: Record<string, string> | undefined;
  readonly rules: string[] | undefined;

  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    extra: Omit<ErrorAnswer["error"], "code" | "message"> = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = extra.retryAfterSeconds;
    this.skewSeconds = extra.skewSeconds;
    this.fields = extra.fields;
    this.rules = extra.rules;
  }
}

export const REQUEST_TIMEOUT_MS = 20_000;

/**
 * Whether a failed GET is worth asking again, after `failures` failures: a server or network
 * failure up to three times (with backoff); a 4xx will not change by retrying.
 */
export function worthRetrying(failures: number, error: unknown): boolean {
  return failures < 3 && !(error instanceof ApiError && error.status >= 400 && error.status < 500);
}

let onUnauthenticated: (() => void) | null = null;

/** The app registers how to send the user to sign in (and back) when the session has ended. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/**
 * GETs started while the page that needs them is still loading its code (decision 009), so that
 * its data and its code arrive together. A query takes its answer once, if it is a few seconds old
 * at most and no change has been sent since; otherwise it asks again.
 */
const early = new Map<string, { response: Promise<Response>; at: number }>();
const EARLY_ANSWER_KEPT_MS = 10_000;

export function fetchEarly(paths: readonly string[]): void {
  for (const path of paths) {
    if (early.has(path)) continue;
    const response = send(path, {}, "application/json");
    // Its query sees a failure when it takes the answer; unclaimed, a failure is dropped.
    response.catch(() => undefined);
    early.set(path, { response, at: Date.now() });
  }
}

function takeEarly(path: string): Promise<Response> | undefined {
  const entry = early.get(path);
  early.delete(path);
  return entry && Date.now() - entry.at < EARLY_ANSWER_KEPT_MS ? entry.response : undefined;
}

type RequestOptions = {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
};

/**
 * The one HTTP client: sends JSON with the session cookie, validates the answer with the contract's
 * schema, and turns every failure into an ApiError. It has no other side effect than the one
 * documented: a 401 UNAUTHENTICATED calls the registered handler.
 */
export async function apiRequest<S extends z.ZodMiniType>(
  path: string,
  schema: S,
  options?: RequestOptions,
): Promise<z.infer<S>>;
export async function apiRequest(
  path: string,
  schema: null,
  options?: RequestOptions,
): Promise<void>;
export async function apiRequest(
  path: string,
  schema: z.ZodMiniType | null,
  options: RequestOptions = {},
): Promise<unknown> {
  const isPlainGet = (options.method ?? "GET") === "GET" && options.body === undefined;
  const response = await ((isPlainGet && takeEarly(path)) ||
    send(path, options, "application/json"));
  if (schema === null) return undefined;

  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new ApiError(response.status, "INVALID_RESPONSE", "The server's answer was not JSON.");
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new ApiError(response.status, "INVALID_RESPONSE", `Unexpected answer from ${path}.`);
  }
  return parsed.data;
}

/** A file from the server (API / Download / Manual): its content and the name to save it under. */
export async function apiDownload(
  path: string,
  signal?: AbortSignal,
): Promise<{ blob: Blob; fileName: string }> {
  const response = await send(path, { signal }, "text/csv, application/json");
  const disposition = response.headers.get("content-disposition") ?? "";
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "download.csv";
  return { blob: await response.blob(), fileName };
}

/** Sends a request with the session cookie; every failure becomes an ApiError. */
async function send(
  path: string,
  { method = "GET", body, signal }: RequestOptions,
  accept: string,
) {
  if (method !== "GET") early.clear();
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(new URL(path, env.apiBaseUrl || window.location.origin), {
      method,
      credentials: "include",
      headers:
        body === undefined
          ? { Accept: accept }
          : { Accept: accept, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    if (timeout.aborted) throw new ApiError(0, "TIMEOUT", "The request timed out.");
    throw new ApiError(0, "NETWORK", "The server could not be reached.");
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // An error without a JSON body still gets a code from its status below.
  }
  const parsed = ErrorAnswer.safeParse(body);
  const error = parsed.success
    ? new ApiError(
        response.status,
        // A code the app has no words for still shows: describeError falls back to its message.
        parsed.data.error.code as ErrorCode,
        parsed.data.error.message,
        parsed.data.error,
      )
    : new ApiError(
        response.status,
        response.status >= 500 ? "SERVER_ERROR" : "INVALID_RESPONSE",
        response.statusText,
      );
  if (error.code === "UNAUTHENTICATED") onUnauthenticated?.();
  return error;
}
