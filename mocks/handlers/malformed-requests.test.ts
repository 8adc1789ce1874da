import { getResponse, type HttpHandler } from "msw";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "../../src/api/contracts/error-codes";
import { MockDb } from "../db/store";
import { createHandlers } from "./index";

const handlers = createHandlers(new MockDb()) as HttpHandler[];

/** Every endpoint that takes a body, with its path parameters filled in. */
const withBody = handlers
  .map((h) => ({
    method: String(h.info.method),
    path: String(h.info.path)
      .replace(/^\*/, "")
      .replace(/:(\w+)/g, "x"),
  }))
  .filter(({ method }) => method === "POST" || method === "PUT");

/**
 * Endpoints that take no body and need no session: they ignore whatever is sent (and must not
 * fail), up to the size every body is capped at.
 */
const BODILESS = new Set([
  "/api/authn/cancel",
  "/__dev/reset",
  "/api/authn/passkey-sign-in/options",
]);

const BODIES: [string, string][] = [
  ["malformed JSON", "{not json"],
  ["an array", "[1,2,3]"],
  [
    "wrong types",
    JSON.stringify({
      username: 42,
      password: false,
      code: {},
      token: [],
      advanceSeconds: "soon",
      kind: 7,
    }),
  ],
  ["an oversized body", JSON.stringify({ username: "a".repeat(70 * 1024) })],
];

async function send(method: string, path: string, body: string) {
  const response = await getResponse(
    handlers,
    new Request(`http://localhost${path}`, {
      method,
      headers: { "Content-Type": "application/json" },
      body,
    }),
  );
  if (!response) throw new Error(`No handler answered ${method} ${path}`);
  return response;
}

describe("every endpoint refuses malformed and oversized bodies with a 4xx and a useful message", () => {
  it("covers the endpoints that take a body", () => {
    expect(withBody.length).toBeGreaterThan(25);
  });

  for (const { method, path } of withBody) {
    it.each(BODIES)(`${method} ${path}: %s`, async (label, body) => {
      const response = await send(method, path, body);
      if (BODILESS.has(path) && label !== "an oversized body") {
        expect(response.status, `${method} ${path}`).toBeLessThan(300);
        return;
      }
      expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `${method} ${path}`).toBeLessThan(500);
      const json = (await response.json()) as unknown;
      // The app's endpoints answer ErrorBody; the OAuth token endpoint answers RFC 6749 errors.
      const parsed = ErrorBody.safeParse(json);
      const message = parsed.success
        ? parsed.data.error.message
        : (json as { error_description?: string }).error_description;
      expect(message, `${method} ${path}`).toMatch(/\w{3,}/);
    });
  }

  it.each([
    ["/api/authn/identify"],
    ["/api/recovery/start"],
    ["/api/enroll/activate"],
    ["/__dev/clock"],
  ])("%s, which needs no session, answers 400 VALIDATION (413 when oversized)", async (path) => {
    for (const [label, body] of BODIES) {
      const response = await send("POST", path, body);
      const expected = label === "an oversized body" ? 413 : 400;
      expect(response.status, label).toBe(expected);
      expect(ErrorBody.parse(await response.json()).error.code).toBe("VALIDATION");
    }
  });
});
