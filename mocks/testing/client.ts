import { getResponse } from "msw";
import { expect } from "vitest";
import { AuthnState } from "../../src/api/contracts/authn";
import { ErrorBody, type ErrorCode } from "../../src/api/contracts/common";
import type { createHandlers } from "../handlers";
import { SESSION_COOKIE } from "../handlers/http";

export type Handlers = ReturnType<typeof createHandlers>;

/** One answer of the mock backend, read the way a test needs it. */
export type ApiResponse = {
  status: number;
  headers: Headers;
  /** The raw body, for checks that nothing secret is in it. */
  text: string;
  /** The body parsed as JSON, or null when there is none (or it is not JSON). */
  json: unknown;
};

type Body = { json: unknown } | { raw: string };

/** Where the simulated browser's page and the backend are: one origin, as in the app. */
const ORIGIN = "http://localhost";

/**
 * A simulated browser: its own cookie jar, sending requests straight to the MSW handlers (no
 * network). Every answer is kept in `responses`, so that a test can search all of them.
 */
export class Browser {
  private readonly jar = new Map<string, string>();
  readonly responses: ApiResponse[] = [];

  constructor(
    private readonly handlers: Handlers,
    readonly userAgent = "Vitest browser",
  ) {}

  /** The session cookie this browser holds now. */
  get sessionId(): string | undefined {
    return this.jar.get(SESSION_COOKIE);
  }

  /** Puts a cookie in the jar, e.g. a session id copied from another browser. */
  setCookie(name: string, value: string): this {
    this.jar.set(name, value);
    return this;
  }

  get(path: string) {
    return this.send("GET", path);
  }

  post(path: string, body: unknown = {}) {
    return this.send("POST", path, { json: body });
  }

  put(path: string, body: unknown = {}) {
    return this.send("PUT", path, { json: body });
  }

  /** A POST whose body is sent exactly as given (malformed JSON, oversized bodies). */
  postRaw(path: string, raw: string) {
    return this.send("POST", path, { raw });
  }

  delete(path: string) {
    return this.send("DELETE", path);
  }

  /**
   * A request as another page or program would send it: `headers` replace the browser's own (null
   * leaves one out), e.g. another site's `origin` or a form's `content-type`.
   */
  sendAs(
    method: string,
    path: string,
    init: { headers: Record<string, string | null>; body?: string },
  ) {
    return this.send(method, path, init.body === undefined ? undefined : { raw: init.body }, init);
  }

  private async send(
    method: string,
    path: string,
    body?: Body,
    { headers: overrides = {} }: { headers?: Record<string, string | null> } = {},
  ): Promise<ApiResponse> {
    const url = new URL(path, ORIGIN);
    // What a browser sends with a fetch from the app's own page: the backend checks these.
    const headers = new Headers({
      "user-agent": this.userAgent,
      "sec-fetch-site": "same-origin",
      "sec-fetch-mode": "cors",
      "sec-fetch-dest": "empty",
    });
    if (method !== "GET" && method !== "HEAD") headers.set("origin", url.origin);
    const cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
    if (cookie) headers.set("cookie", cookie);
    if (body) headers.set("content-type", "application/json");
    for (const [name, value] of Object.entries(overrides)) {
      if (value === null) headers.delete(name);
      else headers.set(name, value);
    }
    const request = new Request(url, {
      method,
      headers,
      body: body ? ("raw" in body ? body.raw : JSON.stringify(body.json)) : undefined,
    });
    const response = await getResponse(this.handlers, request);
    if (!response) throw new Error(`No mock handler for ${method} ${path}`);
    for (const setCookie of response.headers.getSetCookie()) this.store(setCookie);
    const text = await response.text();
    const answer: ApiResponse = {
      status: response.status,
      headers: response.headers,
      text,
      // A file (CSV) is not JSON: its text is the body.
      json:
        text && response.headers.get("content-type")?.includes("json")
          ? (JSON.parse(text) as unknown)
          : null,
    };
    this.responses.push(answer);
    return answer;
  }

  private store(setCookie: string) {
    const [pair = "", ...attributes] = setCookie.split(";").map((part) => part.trim());
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const expired = attributes.some((a) => a.toLowerCase() === "max-age=0");
    if (!value || expired) this.jar.delete(name);
    else this.jar.set(name, value);
  }
}

/** The sign-in state of a 200 answer, checked against the contract. */
export function authnState(response: ApiResponse): AuthnState {
  expect(response.status, response.text).toBe(200);
  return AuthnState.parse(response.json);
}

/** The error of an answer that must be this status and code, checked against the contract. */
export function apiError(response: ApiResponse, status: number, code: ErrorCode) {
  const body = ErrorBody.parse(response.json);
  expect({ status: response.status, code: body.error.code }, response.text).toEqual({
    status,
    code,
  });
  return body.error;
}
