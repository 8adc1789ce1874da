// @vitest-environment jsdom
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as z from "zod/mini";
import { ApiError, apiRequest, fetchEarly, setUnauthenticatedHandler } from "./client";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  setUnauthenticatedHandler(null);
});
afterAll(() => server.close());

const Thing = z.object({ name: z.string() });

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("apiRequest", () => {
  it("returns the parsed body and sends JSON with the session cookie", async () => {
    let seen: { contentType: string | null; body: unknown } | null = null;
    server.use(
      http.post("*/api/thing", async ({ request }) => {
        seen = { contentType: request.headers.get("content-type"), body: await request.json() };
        return HttpResponse.json({ name: "TRAQS", extra: "ignored" });
      }),
    );
    const thing = await apiRequest("/api/thing", Thing, { method: "POST", body: { a: 1 } });
    expect(thing).toEqual({ name: "TRAQS" });
    expect(seen).toEqual({ contentType: "application/json", body: { a: 1 } });
  });

  it("refuses an answer that does not match the contract", async () => {
    server.use(http.get("*/api/thing", () => HttpResponse.json({ name: 42 })));
    const error = await failure(apiRequest("/api/thing", Thing));
    expect(error.code).toBe("INVALID_RESPONSE");
  });

  it("turns an error body into a typed error with its code and details", async () => {
    server.use(
      http.get("*/api/thing", () =>
        HttpResponse.json(
          { error: { code: "RATE_LIMITED", message: "Wait.", retryAfterSeconds: 17 } },
          { status: 429 },
        ),
      ),
    );
    const error = await failure(apiRequest("/api/thing", Thing));
    expect(error).toMatchObject({ status: 429, code: "RATE_LIMITED", retryAfterSeconds: 17 });
  });

  it("gives a server error without a JSON body the SERVER_ERROR code", async () => {
    server.use(http.get("*/api/thing", () => new HttpResponse("boom", { status: 502 })));
    const error = await failure(apiRequest("/api/thing", Thing));
    expect(error).toMatchObject({ status: 502, code: "SERVER_ERROR" });
  });

  it("reports a network failure as NETWORK", async () => {
    server.use(http.get("*/api/thing", () => HttpResponse.error()));
    const error = await failure(apiRequest("/api/thing", Thing));
    expect(error.code).toBe("NETWORK");
  });

  it("calls the session-expired handler on 401 UNAUTHENTICATED, and only then", async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    server.use(
      http.get("*/api/me", () =>
        HttpResponse.json(
          { error: { code: "UNAUTHENTICATED", message: "Sign in." } },
          { status: 401 },
        ),
      ),
      http.post("*/api/authn/password", () =>
        HttpResponse.json(
          { error: { code: "INVALID_CREDENTIALS", message: "No." } },
          { status: 401 },
        ),
      ),
    );
    expect(
      (await failure(apiRequest("/api/authn/password", Thing, { method: "POST", body: {} }))).code,
    ).toBe("INVALID_CREDENTIALS");
    expect(handler).not.toHaveBeenCalled();
    expect((await failure(apiRequest("/api/me", Thing))).code).toBe("UNAUTHENTICATED");
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("returns nothing for a request without a response schema", async () => {
    server.use(http.delete("*/api/session", () => new HttpResponse(null, { status: 204 })));
    await expect(apiRequest("/api/session", null, { method: "DELETE" })).resolves.toBeUndefined();
  });
});

describe("fetchEarly", () => {
  /** A GET endpoint that counts its calls and answers with the count. */
  function counted(path: string) {
    let calls = 0;
    server.use(http.get(`*${path}`, () => HttpResponse.json({ name: `answer ${++calls}` })));
    return () => calls;
  }

  it("sends the GET at once and hands its answer to the first request for that path, once", async () => {
    const calls = counted("/api/early-once");
    fetchEarly(["/api/early-once"]);
    fetchEarly(["/api/early-once"]); // already on its way: not sent twice
    expect(await apiRequest("/api/early-once", Thing)).toEqual({ name: "answer 1" });
    expect(calls()).toBe(1);
    expect(await apiRequest("/api/early-once", Thing)).toEqual({ name: "answer 2" });
    expect(calls()).toBe(2);
  });

  it("is not used after a change was sent: the page asks again", async () => {
    const calls = counted("/api/early-change");
    server.use(http.post("*/api/change", () => new HttpResponse(null, { status: 204 })));
    fetchEarly(["/api/early-change"]);
    await apiRequest("/api/change", null, { method: "POST", body: {} });
    expect(await apiRequest("/api/early-change", Thing)).toEqual({ name: "answer 2" });
    expect(calls()).toBe(2);
  });

  it("is not used once more than a few seconds old", async () => {
    const now = vi.spyOn(Date, "now");
    now.mockReturnValue(1_000_000);
    const calls = counted("/api/early-old");
    fetchEarly(["/api/early-old"]);
    now.mockReturnValue(1_000_000 + 11_000);
    expect(await apiRequest("/api/early-old", Thing)).toEqual({ name: "answer 2" });
    expect(calls()).toBe(2);
  });

  it("gives its failure to the request that takes it, as a typed error", async () => {
    server.use(
      http.get("*/api/early-fail", () =>
        HttpResponse.json({ error: { code: "SERVER_ERROR", message: "down" } }, { status: 500 }),
      ),
    );
    fetchEarly(["/api/early-fail"]);
    const error = await failure(apiRequest("/api/early-fail", Thing));
    expect(error.code).toBe("SERVER_ERROR");
  });
});
