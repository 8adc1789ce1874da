import type { HttpHandler } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { Preferences } from "../../src/api/contracts/account";
import { sha256 } from "../rules/crypto";
import { MockBackend } from "../testing/backend";
import { apiError, type Browser } from "../testing/client";
import { JANE, signIn } from "../testing/steps";

/**
 * Cross-site request forgery (SECURITY 40): a state-changing request of the app's endpoints needs a
 * JSON body and must come from the app's own pages, whatever host runs the mock. Every refusal
 * leaves the data as it was.
 */

let backend: MockBackend;
let jane: Browser;
beforeEach(async () => {
  backend = new MockBackend();
  jane = backend.browser();
  await signIn(backend, jane, JANE);
});

const preferences = async () =>
  Preferences.parse((await jane.get("/api/account/preferences")).json);
const compact = { layout: "compact", messageSeconds: 3 };

/** What another site's page makes Jane's browser send: its own Origin, and the browser's verdict. */
const CROSS_SITE = { origin: "https://attacker.example", "sec-fetch-site": "cross-site" };

describe("a JSON endpoint takes JSON only", () => {
  it.each([
    ["text/plain", JSON.stringify(compact)],
    ["application/x-www-form-urlencoded", "layout=compact&messageSeconds=3"],
    [
      "multipart/form-data; boundary=x",
      '--x\r\nContent-Disposition: form-data; name="layout"\r\n\r\ncompact\r\n--x--\r\n',
    ],
  ])("a %s body: 415, nothing changed", async (contentType, body) => {
    const before = await preferences();
    const response = await jane.sendAs("PUT", "/api/account/preferences", {
      headers: { "content-type": contentType },
      body,
    });
    apiError(response, 415, "VALIDATION");
    expect(await preferences()).toEqual(before);
  });

  it("a body with no content type: 415, nothing changed", async () => {
    const before = await backend.now();
    const response = await jane.sendAs("POST", "/__dev/clock", {
      headers: { "content-type": null },
      body: JSON.stringify({ advanceSeconds: 3600 }),
    });
    apiError(response, 415, "VALIDATION");
    expect(await backend.now()).toBe(before);
  });

  it("a POST with no body still needs the JSON content type; a DELETE with none does not", async () => {
    apiError(
      await jane.sendAs("POST", "/api/authn/cancel", { headers: { "content-type": null } }),
      415,
      "VALIDATION",
    );
    expect((await jane.get("/api/me")).status).toBe(200);
    expect((await jane.delete("/api/session")).status).toBeLessThan(300);
    expect((await jane.get("/api/me")).status).toBe(401);
  });

  it("a JSON body, with a charset, is taken", async () => {
    const response = await jane.sendAs("PUT", "/api/account/preferences", {
      headers: { "content-type": "application/json; charset=UTF-8" },
      body: JSON.stringify(compact),
    });
    expect(response.status, response.text).toBe(200);
    expect(await preferences()).toEqual(compact);
  });
});

describe("a state-changing request must come from the app's own pages", () => {
  it.each([
    ["a cross-site Origin and Sec-Fetch-Site", CROSS_SITE],
    ["a cross-site Origin alone", { origin: "https://attacker.example", "sec-fetch-site": null }],
    ["Sec-Fetch-Site: cross-site alone", { origin: null, "sec-fetch-site": "cross-site" }],
    ["a sibling site (same-site, not same-origin)", { "sec-fetch-site": "same-site" }],
    ["another port of the same host", { origin: "http://localhost:8080" }],
    ["Origin: null (a sandboxed frame)", { origin: "null" }],
  ])("%s: 403 CROSS_ORIGIN, nothing changed", async (_label, headers) => {
    const before = await preferences();
    const response = await jane.sendAs("PUT", "/api/account/preferences", {
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(compact),
    });
    apiError(response, 403, "CROSS_ORIGIN");
    expect(await preferences()).toEqual(before);
  });

  it("another site cannot sign Jane out (a DELETE) or move the mock clock", async () => {
    apiError(
      await jane.sendAs("DELETE", "/api/session", { headers: CROSS_SITE }),
      403,
      "CROSS_ORIGIN",
    );
    expect((await jane.get("/api/me")).status).toBe(200);
    const before = await backend.now();
    apiError(
      await jane.sendAs("POST", "/__dev/clock", {
        headers: { ...CROSS_SITE, "content-type": "application/json" },
        body: JSON.stringify({ advanceSeconds: 3600 }),
      }),
      403,
      "CROSS_ORIGIN",
    );
    expect(await backend.now()).toBe(before);
  });

  it("a script's request (no Origin, no Sec-Fetch-Site, as curl sends) is taken", async () => {
    const response = await jane.sendAs("PUT", "/api/account/preferences", {
      headers: { origin: null, "sec-fetch-site": null, "content-type": "application/json" },
      body: JSON.stringify(compact),
    });
    expect(response.status, response.text).toBe(200);
  });

  it("every state-changing endpoint of /api and /__dev refuses another site", async () => {
    const changes = (backend.handlers as HttpHandler[])
      .map((h) => ({ method: String(h.info.method), path: String(h.info.path) }))
      .filter(({ method }) => ["POST", "PUT", "PATCH", "DELETE"].includes(method))
      .map(({ method, path }) => ({ method, path: path.replace(/^\*/, "").replace(/:\w+/g, "x") }))
      .filter(({ path }) => /^\/(api|__dev)\//.test(path));
    expect(changes.length).toBeGreaterThan(30);
    for (const { method, path } of changes) {
      const response = await jane.sendAs(method, path, {
        headers: { ...CROSS_SITE, "content-type": "application/json" },
        body: "{}",
      });
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 });
    }
  });
});

describe("the token endpoint, for scripts", () => {
  const refreshToken = "a-refresh-token-for-the-request-rules-test";
  const grant = `grant_type=refresh_token&refresh_token=${refreshToken}`;
  beforeEach(async () => {
    const now = await backend.now();
    const tokenHash = await sha256(refreshToken);
    await backend.change((state) => {
      const user = state.users.find((u) => u.login === JANE.login);
      state.refreshTokens.push({
        id: "request-rules",
        userId: user?.id ?? "",
        tokenHash,
        last4: refreshToken.slice(-4),
        sealed: null,
        requestedAt: now,
        expiresAt: now + 86_400_000,
        revokedAt: null,
        endedReason: null,
        lastUsedAt: null,
        reminderSentAt: null,
      });
    });
  });
  const script = (contentType: string, body: string) =>
    jane.sendAs("POST", "/oauth2/token", {
      headers: { "content-type": contentType, origin: null, "sec-fetch-site": null },
      body,
    });

  it("takes a form with no Origin (curl, Python, Node)", async () => {
    const response = await script("application/x-www-form-urlencoded;charset=UTF-8", grant);
    expect(response.status, response.text).toBe(200);
  });

  it.each(["text/plain", "application/json", "multipart/form-data; boundary=x"])(
    "refuses the same request as %s: 400 invalid_request",
    async (contentType) => {
      const response = await script(contentType, grant);
      expect({ status: response.status, json: response.json }).toMatchObject({
        status: 400,
        json: { error: "invalid_request" },
      });
    },
  );

  it("refuses an oversized body: 413 invalid_request", async () => {
    const response = await script(
      "application/x-www-form-urlencoded",
      `${grant}&padding=${"a".repeat(70 * 1024)}`,
    );
    expect({ status: response.status, json: response.json }).toMatchObject({
      status: 413,
      json: { error: "invalid_request" },
    });
  });
});
