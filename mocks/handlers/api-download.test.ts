import { getResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import {
  AccessTokenResponse,
  ApiCatalog,
  RefreshTokens,
} from "../../src/api/contracts/api-download";
import { sha256 } from "../rules/crypto";
import { DAY } from "../rules/policy";
import { MockBackend } from "../testing/backend";
import { apiError, authnState, type ApiResponse, type Browser } from "../testing/client";
import { factorId, JANE, SAM, signIn, signInToFactor } from "../testing/steps";
import { SESSION_COOKIE } from "./http";

const SECONDS_PER_DAY = DAY / 1000;
const REMINDER_SUBJECT = "FINRA TRAQS - Your API Refresh Token expires soon";
/** The seeded clock starts on 2025-06-02 (mocks/testing/backend.ts START). */
const TODAY = "2025-06-02";
const TRACE_CA_DAILY_HEADER = "CUSIP,Symbol,Issuer,Coupon,Maturity,Grade,Effective Date,Action";
const TRACE_CA_MASTER_HEADER = "CUSIP,Symbol,Issuer,Coupon,Maturity,Grade,Effective Date";

let backend: MockBackend;
let browser: Browser;
beforeEach(() => {
  backend = new MockBackend();
  browser = backend.browser();
});

// ---------------------------------------------------------------------------------------------
// The signed-in page's side (session cookie)

const tokens = (b: Browser = browser) => b.get("/api/traqs/api/tokens");
const getToken = (b: Browser = browser) => b.post("/api/traqs/api/tokens");
const revoke = (b: Browser = browser) => b.post("/api/traqs/api/tokens/revoke");

function tokensOf(response: ApiResponse): RefreshTokens {
  expect(response.status, response.text).toBe(200);
  return RefreshTokens.parse(response.json);
}

/** "Verify it's you" for Get Token: a fresh code from the authenticator app (a new TOTP step). */
async function stepUp(
  b: Browser = browser,
  totpKey = JANE.totpKey,
  purpose: "token" | "show-token" | "view" | "change" = "token",
) {
  await backend.advance(30);
  const started = authnState(await b.post("/api/step-up/start", { purpose }));
  expect(started.status).toBe("FACTOR");
  const verified = authnState(
    await b.post("/api/step-up/verify", {
      methodId: factorId(started, "google_authenticator"),
      code: await backend.totp(totpKey),
    }),
  );
  expect(verified.status).toBe("SUCCESS");
}

/** Jane signs in, verifies again and clicks Get Token: her new refresh token. */
async function janeGetsToken(b: Browser = browser): Promise<string> {
  await signIn(backend, b, JANE);
  return newToken(b);
}

/** Get Token in a signed-in browser (with its own step-up): the new current token. */
async function newToken(b: Browser = browser): Promise<string> {
  await stepUp(b);
  const current = tokensOf(await getToken(b)).current;
  if (!current?.token) throw new Error("Get Token showed no current token");
  return current.token;
}

/** A new browser with Jane signed in again (after the clock moved past the idle timeout). */
async function janeAgain(): Promise<Browser> {
  const b = backend.browser();
  await signIn(backend, b, JANE);
  return b;
}

/** Jane's refresh tokens, straight from the database. */
const janeTokenRecords = () =>
  backend.read((state) => {
    const jane = state.users.find((u) => u.login === JANE.login);
    return state.refreshTokens.filter((t) => t.userId === jane?.id);
  });

const reminders = async () =>
  (await backend.outbox()).filter((m) => m.channel === "email" && m.subject === REMINDER_SUBJECT);

// ---------------------------------------------------------------------------------------------
// The script's side: form-encoded token requests and Bearer downloads, sent straight to MSW

type Raw = { status: number; headers: Headers; text: string; json: unknown };

async function send(request: Request): Promise<Raw> {
  const response = await getResponse(backend.handlers, request);
  if (!response) throw new Error(`No mock handler for ${request.method} ${request.url}`);
  const text = await response.text();
  const isJson = (response.headers.get("content-type") ?? "").includes("json");
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: isJson && text ? (JSON.parse(text) as unknown) : null,
  };
}

/** POST /oauth2/token with an application/x-www-form-urlencoded body. */
function tokenEndpoint(form: Record<string, string> | string) {
  const body = typeof form === "string" ? form : new URLSearchParams(form).toString();
  return send(
    new Request("http://localhost/oauth2/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    }),
  );
}

const refreshGrant = (refreshToken: string) =>
  tokenEndpoint({ grant_type: "refresh_token", refresh_token: refreshToken });

/** An access token for this refresh token, checked against the contract. */
async function accessToken(refreshToken: string): Promise<string> {
  const response = await refreshGrant(refreshToken);
  expect(response.status, response.text).toBe(200);
  return AccessTokenResponse.parse(response.json).access_token;
}

/** GET /download/... with `Authorization: Bearer <token>` (or the header given, or none). */
function download(path: string, auth: { bearer: string } | { header: string } | null) {
  const headers = new Headers();
  if (auth) headers.set("authorization", "bearer" in auth ? `Bearer ${auth.bearer}` : auth.header);
  return send(new Request(new URL(path, "http://localhost"), { headers }));
}

/** GET /api/traqs/api/download (Manual): the page's own download, with the session cookie. */
function manualDownload(b: Browser, query: string) {
  const headers = new Headers({ cookie: `${SESSION_COOKIE}=${b.sessionId ?? ""}` });
  return send(new Request(`http://localhost/api/traqs/api/download?${query}`, { headers }));
}

/** A CSV answer's text, after checking it is one. */
function csvOf(response: Raw): string {
  expect(response.status, response.text).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/csv\b/);
  return response.text;
}

/** The data lines of a CSV (header left out). */
const rowsOf = (csv: string) => csv.trimEnd().split("\n").slice(1);

/** An OAuth error (RFC 6749 §5.2 / RFC 6750 §3): status and `error`, never cached. */
function oauthError(response: Raw, status: number, error: string) {
  expect({ status: response.status, body: response.json }, response.text).toMatchObject({
    status,
    body: { error },
  });
  expect(response.headers.get("cache-control")).toBe("no-store");
}

// ---------------------------------------------------------------------------------------------

describe("the signed-in endpoints", () => {
  const endpoints: [string, (b: Browser) => Promise<ApiResponse>][] = [
    ["GET /api/traqs/api/catalog", (b) => b.get("/api/traqs/api/catalog")],
    ["GET /api/traqs/api/tokens", (b) => tokens(b)],
    ["POST /api/traqs/api/tokens", (b) => getToken(b)],
    ["POST /api/traqs/api/tokens/revoke", (b) => revoke(b)],
    [
      "GET /api/traqs/api/download",
      (b) => b.get("/api/traqs/api/download?facility=TRACE-CA&file=daily-list&action=download"),
    ],
  ];

  it.each(endpoints)("%s answers 401 UNAUTHENTICATED without a session", async (_name, call) => {
    apiError(await call(browser), 401, "UNAUTHENTICATED");
  });

  it.each(endpoints)("%s answers 401 to a sign-in not finished", async (_name, call) => {
    await signInToFactor(browser, JANE);
    expect(browser.sessionId).toBeTruthy();
    apiError(await call(browser), 401, "UNAUTHENTICATED");
    expect(await janeTokenRecords()).toEqual([]);
  });

  it("answers once signed in, and 401 again after sign out", async () => {
    await signIn(backend, browser, JANE);
    expect(tokensOf(await tokens())).toEqual({
      current: null,
      prior: [],
      expiringSoon: false,
      shownUntil: null,
    });
    expect((await browser.delete("/api/session")).status).toBe(204);
    apiError(await tokens(), 401, "UNAUTHENTICATED");
  });
});

describe("GET /api/traqs/api/catalog", () => {
  it("shows Jane every facility as entitled, and today's day", async () => {
    await signIn(backend, browser, JANE);
    const response = await browser.get("/api/traqs/api/catalog");
    expect(response.status, response.text).toBe(200);
    const catalog = ApiCatalog.parse(response.json);
    expect(catalog.apiAccess).toBe(true);
    expect(catalog.today).toBe(TODAY);
    expect(catalog.facilities.map((f) => [f.id, f.entitled])).toEqual([
      ["TRACE-CA", true],
      ["TRACE-SP", true],
      ["TRACE-TS", true],
      ["ADF", true],
      ["ORF", true],
      ["TRF", true],
    ]);
  });

  it("shows Sam no API access", async () => {
    await signIn(backend, browser, SAM);
    const catalog = ApiCatalog.parse((await browser.get("/api/traqs/api/catalog")).json);
    expect(catalog.apiAccess).toBe(false);
    expect(catalog.facilities.every((f) => !f.entitled)).toBe(true);
  });
});

describe("Get Token (POST /api/traqs/api/tokens)", () => {
  it("needs a step-up: 403 STEP_UP_REQUIRED without one, and no token is made", async () => {
    await signIn(backend, browser, JANE);
    apiError(await getToken(), 403, "STEP_UP_REQUIRED");
    expect(tokensOf(await tokens()).current).toBeNull();
    expect(await janeTokenRecords()).toEqual([]);
  });

  it("does not take a step-up that only opened Settings (purpose view)", async () => {
    await signIn(backend, browser, JANE);
    await stepUp(browser, JANE.totpKey, "view");
    apiError(await getToken(), 403, "STEP_UP_REQUIRED");
    expect(await janeTokenRecords()).toEqual([]);
  });

  it("does not take a step-up older than five minutes", async () => {
    await signIn(backend, browser, JANE);
    await stepUp();
    await backend.advance(5 * 60 + 1);
    apiError(await getToken(), 403, "STEP_UP_REQUIRED");
    expect(await janeTokenRecords()).toEqual([]);
  });

  it("after a step-up makes a current token: 43 characters, active, six calendar months", async () => {
    await signIn(backend, browser, JANE);
    await stepUp();
    const now = await backend.now();
    const list = tokensOf(await getToken());
    const current = list.current;
    if (!current) throw new Error("no current token");

    expect(current.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(current).toMatchObject({
      isActive: true,
      revokedAt: null,
      endedReason: null,
      lastUsedAt: null,
    });
    expect(Date.parse(current.requestedAt)).toBe(now);
    // 2025-06-02 14:00:xx plus six calendar months is 2025-12-02 at the same time of day.
    const sixMonths = new Date(now);
    sixMonths.setUTCFullYear(2025, 11, 2);
    expect(current.expiresAt).toBe(sixMonths.toISOString());
    expect(current.daysLeft).toBeGreaterThanOrEqual(181);
    expect(current.daysLeft).toBeLessThanOrEqual(184);
    expect(current.daysLeft).toBe(183);
    expect(list.prior).toEqual([]);
    expect(list.expiringSoon).toBe(false);

    // The page shows the same afterwards.
    expect(tokensOf(await tokens())).toEqual(list);

    // A part of a day left counts as a day.
    await backend.advance(3600);
    expect(tokensOf(await tokens()).current?.daysLeft).toBe(183);
  });

  it("makes one token per step-up: a second click (or a double click) answers 403", async () => {
    await signIn(backend, browser, JANE);
    await stepUp();
    const [first, second] = await Promise.all([getToken(), getToken()]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 403]);
    const refused = first.status === 403 ? first : second;
    apiError(refused, 403, "STEP_UP_REQUIRED");
    apiError(await getToken(), 403, "STEP_UP_REQUIRED");

    expect(await janeTokenRecords()).toHaveLength(1);
    expect(tokensOf(await tokens()).prior).toEqual([]);
  });

  it("with a new step-up replaces the current token, which moves to prior as replaced", async () => {
    const first = await janeGetsToken();
    const second = await newToken();
    expect(second).not.toBe(first);

    const list = tokensOf(await tokens());
    expect(list.current).toMatchObject({ token: second, isActive: true, endedReason: null });
    expect(list.prior).toHaveLength(1);
    expect(list.prior[0]).toMatchObject({
      token: null,
      last4: first.slice(-4),
      isActive: false,
      endedReason: "replaced",
      revokedAt: null,
    });

    // The replaced token no longer gets access tokens; the new one does.
    oauthError(await refreshGrant(first), 400, "invalid_grant");
    await accessToken(second);

    // A third Get Token: the newest is current, prior newest first.
    const third = await newToken();
    const after = tokensOf(await tokens());
    expect(after.current?.token).toBe(third);
    expect(after.prior.map((t) => [t.last4, t.endedReason])).toEqual([
      [second.slice(-4), "replaced"],
      [first.slice(-4), "replaced"],
    ]);
  });

  it("answers Sam, who has no API access, 403 NOT_ENTITLED even after a step-up", async () => {
    await signIn(backend, browser, SAM);
    apiError(await getToken(), 403, "NOT_ENTITLED");
    await stepUp(browser, SAM.totpKey);
    apiError(await getToken(), 403, "NOT_ENTITLED");
    expect(await backend.read((state) => state.refreshTokens)).toEqual([]);
  });
});

describe("the refresh token is shown in full only for a while (GET /api/traqs/api/tokens)", () => {
  const SHOWN_SECONDS = 5 * 60;
  const show = (b: Browser = browser) => b.post("/api/traqs/api/tokens/show");

  it("shows the whole token after Get Token, then masked (last 4 characters) when the window ends", async () => {
    await signIn(backend, browser, JANE);
    await stepUp();
    const made = tokensOf(await getToken());
    const refresh = made.current?.token ?? "";
    expect(refresh).toMatch(/^[\w-]{43}$/);
    expect(made.current?.last4).toBe(refresh.slice(-4));
    expect(made.shownUntil).toBe(
      new Date((await backend.now()) + SHOWN_SECONDS * 1000).toISOString(),
    );

    await backend.advance(SHOWN_SECONDS - 1);
    expect(tokensOf(await tokens()).current?.token).toBe(refresh);

    await backend.advance(1);
    const later = await tokens();
    const list = tokensOf(later);
    expect(list.current).toMatchObject({ token: null, last4: refresh.slice(-4), isActive: true });
    expect(list.shownUntil).toBeNull();
    expect(later.text).not.toContain(refresh);
    await accessToken(refresh); // masked on the page, still working in scripts
  });

  it("shows another signed-in session of Jane's the token masked", async () => {
    const refresh = await janeGetsToken();
    await backend.advance(30); // a new code for the second sign-in
    const other = backend.browser();
    await signIn(backend, other, JANE);
    const response = await tokens(other);
    expect(tokensOf(response).current).toMatchObject({ token: null, last4: refresh.slice(-4) });
    expect(response.text).not.toContain(refresh);
  });

  it("does not show a token that another session got in the window of the one it replaced", async () => {
    await janeGetsToken();
    await backend.advance(30); // a new code for the second sign-in
    const other = backend.browser();
    await signIn(backend, other, JANE);
    const replacement = await newToken(other);
    const response = await tokens();
    expect(tokensOf(response).current).toMatchObject({
      token: null,
      last4: replacement.slice(-4),
    });
    expect(response.text).not.toContain(replacement);
  });

  it("always masks prior tokens, even within the window", async () => {
    const first = await janeGetsToken();
    const second = await newToken();
    const response = await tokens();
    const list = tokensOf(response);
    expect(list.current?.token).toBe(second);
    expect(list.prior).toEqual([
      expect.objectContaining({ token: null, last4: first.slice(-4), endedReason: "replaced" }),
    ]);
    expect(response.text).not.toContain(first);
    const revoked = await revoke();
    expect(tokensOf(revoked).prior.map((t) => t.token)).toEqual([null, null]);
    expect(revoked.text).not.toContain(second);
  });

  it("Show token: shows it again after a fresh verification, once per verification", async () => {
    const refresh = await janeGetsToken();
    await backend.advance(SHOWN_SECONDS);
    expect(tokensOf(await tokens()).current?.token).toBeNull();

    apiError(await show(), 403, "STEP_UP_REQUIRED");
    await stepUp(browser, JANE.totpKey, "view"); // Settings' verification is not enough
    apiError(await show(), 403, "STEP_UP_REQUIRED");

    await stepUp(browser, JANE.totpKey, "show-token");
    const shown = tokensOf(await show());
    expect(shown.current?.token).toBe(refresh);
    expect(tokensOf(await tokens()).current?.token).toBe(refresh);
    apiError(await show(), 403, "STEP_UP_REQUIRED"); // the verification is used up

    await backend.advance(SHOWN_SECONDS);
    expect(tokensOf(await tokens()).current?.token).toBeNull();
  });

  it("Show token: does not take a verification older than five minutes", async () => {
    await janeGetsToken();
    await backend.advance(SHOWN_SECONDS);
    await stepUp(browser, JANE.totpKey, "show-token");
    await backend.advance(5 * 60 + 1);
    apiError(await show(), 403, "STEP_UP_REQUIRED");
  });

  it("Show token: 404 without an active current token, and the verification is kept", async () => {
    await janeGetsToken();
    tokensOf(await revoke());
    await stepUp(browser, JANE.totpKey, "show-token");
    apiError(await show(), 404, "NOT_FOUND");
    const grants = await backend.read((state) => state.sessions.map((x) => x.stepUp?.grant));
    expect(grants).toContainEqual(expect.objectContaining({ purpose: "show-token" }));
  });

  it("Show token's verification cannot get a new token, nor Get Token's show one (SECURITY 17)", async () => {
    const refresh = await janeGetsToken();
    await backend.advance(SHOWN_SECONDS);
    await stepUp(browser, JANE.totpKey, "show-token");
    apiError(await getToken(), 403, "STEP_UP_REQUIRED");
    expect(tokensOf(await show()).current?.token).toBe(refresh); // and it was kept for its own use

    await backend.advance(SHOWN_SECONDS);
    await stepUp();
    apiError(await show(), 403, "STEP_UP_REQUIRED");
    expect((await getToken()).status).toBe(200);
  });

  it("stores only a hash and a sealed copy of a refresh token, never the token itself", async () => {
    const first = await janeGetsToken();
    const second = await newToken();
    const stored = JSON.stringify(await backend.read((state) => state));
    expect(stored).not.toContain(first);
    expect(stored).not.toContain(second);
    const records = await janeTokenRecords();
    expect(records.map((t) => t.tokenHash)).toEqual([await sha256(first), await sha256(second)]);
    // Only the current token keeps a sealed copy (to be shown again); an ended one has none.
    expect(records.map((t) => t.sealed === null)).toEqual([true, false]);
    tokensOf(await revoke());
    expect((await janeTokenRecords()).every((t) => t.sealed === null)).toBe(true);
  });
});

describe("Revoke Token (POST /api/traqs/api/tokens/revoke)", () => {
  it("moves the current token to prior as revoked, and the token endpoint refuses it", async () => {
    const refresh = await janeGetsToken();
    const now = await backend.now();
    const list = tokensOf(await revoke());
    expect(list.current).toBeNull();
    expect(list.prior).toHaveLength(1);
    expect(list.prior[0]).toMatchObject({
      token: null,
      last4: refresh.slice(-4),
      isActive: false,
      endedReason: "revoked",
      revokedAt: new Date(now).toISOString(),
    });
    oauthError(await refreshGrant(refresh), 400, "invalid_grant");
  });

  it("answers 404 when there is no current token", async () => {
    await signIn(backend, browser, JANE);
    apiError(await revoke(), 404, "NOT_FOUND");
  });
});

describe("the token endpoint (POST /oauth2/token)", () => {
  it("exchanges a refresh token for a Bearer access token of 3600 s, never cached", async () => {
    const refresh = await janeGetsToken();
    const response = await refreshGrant(refresh);
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = AccessTokenResponse.parse(response.json);
    expect(body).toEqual({
      access_token: expect.stringMatching(/^\S{20,}$/),
      token_type: "Bearer",
      expires_in: 3600,
    });
    expect(body.access_token).not.toBe(refresh);
  });

  it("records when the refresh token was last used", async () => {
    const refresh = await janeGetsToken();
    expect(tokensOf(await tokens()).current?.lastUsedAt).toBeNull();
    await backend.advance(60);
    const usedAt = await backend.now();
    await accessToken(refresh);
    expect(tokensOf(await tokens()).current?.lastUsedAt).toBe(new Date(usedAt).toISOString());
  });

  it("lets several access tokens from one refresh token work at the same time", async () => {
    const refresh = await janeGetsToken();
    const access = [
      await accessToken(refresh),
      await accessToken(refresh),
      await accessToken(refresh),
    ];
    expect(new Set(access).size).toBe(3);
    for (const token of access) {
      csvOf(await download("/download/TRACE-CA/daily-list?action=download", { bearer: token }));
    }
  });

  it.each([
    ["no body", ""],
    ["no grant_type", new URLSearchParams({ refresh_token: "x".repeat(43) }).toString()],
    ["no refresh_token", "grant_type=refresh_token"],
    ["an empty refresh_token", "grant_type=refresh_token&refresh_token="],
  ])("answers 400 invalid_request to a request with %s", async (_name, body) => {
    oauthError(await tokenEndpoint(body), 400, "invalid_request");
  });

  it("answers 400 invalid_request to a repeated parameter, and issues nothing", async () => {
    const refresh = await janeGetsToken();
    const repeated = [
      `grant_type=refresh_token&grant_type=password&refresh_token=${refresh}`,
      `grant_type=refresh_token&grant_type=refresh_token&refresh_token=${refresh}`,
      `grant_type=refresh_token&refresh_token=${refresh}&refresh_token=${refresh}`,
      `grant_type=refresh_token&refresh_token=${refresh}&refresh_token=other`,
    ];
    for (const body of repeated) oauthError(await tokenEndpoint(body), 400, "invalid_request");
    expect(await backend.read((state) => state.accessTokens)).toEqual([]);
    expect(tokensOf(await tokens()).current?.lastUsedAt).toBeNull();
  });

  it.each(["GET", "PUT", "DELETE"])("answers %s with 405 and Allow: POST", async (method) => {
    const refresh = await janeGetsToken();
    const query = new URLSearchParams({ grant_type: "refresh_token", refresh_token: refresh });
    const response = await send(
      new Request(`http://localhost/oauth2/token?${query.toString()}`, { method }),
    );
    expect(response.status, response.text).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(response.text).not.toContain("access_token");
    expect(await backend.read((state) => state.accessTokens)).toEqual([]);
  });

  it.each(["password", "client_credentials", "authorization_code"])(
    "answers 400 unsupported_grant_type to grant_type=%s",
    async (grantType) => {
      const refresh = await janeGetsToken();
      oauthError(
        await tokenEndpoint({
          grant_type: grantType,
          refresh_token: refresh,
          username: JANE.login,
          password: JANE.password,
        }),
        400,
        "unsupported_grant_type",
      );
    },
  );

  it("answers 400 invalid_grant to an unknown refresh token", async () => {
    const refresh = await janeGetsToken();
    const last = refresh.slice(-1) === "A" ? "B" : "A";
    oauthError(await refreshGrant(refresh.slice(0, -1) + last), 400, "invalid_grant");
    oauthError(await refreshGrant("not-a-token"), 400, "invalid_grant");
    expect(tokensOf(await tokens()).current?.lastUsedAt).toBeNull();
  });

  it("answers 400 invalid_grant to a revoked refresh token", async () => {
    const refresh = await janeGetsToken();
    await accessToken(refresh);
    tokensOf(await revoke());
    oauthError(await refreshGrant(refresh), 400, "invalid_grant");
  });

  it("answers 400 invalid_grant to a replaced refresh token", async () => {
    const refresh = await janeGetsToken();
    await newToken();
    oauthError(await refreshGrant(refresh), 400, "invalid_grant");
  });

  it("takes a refresh token until it expires six months on, then answers invalid_grant", async () => {
    const refresh = await janeGetsToken();
    const now = await backend.now();
    const expiresAt = new Date(now);
    expiresAt.setUTCFullYear(2025, 11, 2);
    const secondsLeft = (expiresAt.getTime() - now) / 1000;

    await backend.advance(secondsLeft - 60);
    await accessToken(refresh);
    await backend.advance(60 + SECONDS_PER_DAY);
    oauthError(await refreshGrant(refresh), 400, "invalid_grant");

    const list = tokensOf(await tokens(await janeAgain()));
    expect(list.current).toMatchObject({
      token: null,
      last4: refresh.slice(-4),
      isActive: false,
      endedReason: "expired",
      daysLeft: 0,
    });
  });
});

describe("the download endpoint (GET /download/{facility}/{file})", () => {
  const DAILY = "/download/TRACE-CA/daily-list?action=download";

  it("answers 401 with the bare Bearer challenge, no error code, when there are no credentials", async () => {
    await janeGetsToken();
    for (const auth of [null, { header: "Basic amFuZTpwYXNzd29yZA==" }]) {
      const response = await download(DAILY, auth);
      expect(response.status, response.text).toBe(401);
      // RFC 6750 §3.1: a request with no authentication information gets no error information.
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="TRAQS API"');
      expect(response.text).toBe("");
    }
  });

  it.each([
    ["nothing after Bearer", "Bearer"],
    ["only spaces after Bearer", "Bearer    "],
    ["two tokens", "Bearer abc def"],
    ["a token with a comma", "Bearer abc,def"],
  ])("answers 400 invalid_request to %s", async (_name, header) => {
    await janeGetsToken();
    const response = await download(DAILY, { header });
    oauthError(response, 400, "invalid_request");
    expect(response.headers.get("www-authenticate")).toBe(
      'Bearer realm="TRAQS API", error="invalid_request"',
    );
    expect(response.text).not.toContain("CUSIP");
  });

  it("answers 401 invalid_token to a token it never issued", async () => {
    await janeGetsToken();
    for (const bearer of ["garbage", "x".repeat(40)]) {
      const response = await download(DAILY, { bearer });
      oauthError(response, 401, "invalid_token");
      const challenge = response.headers.get("www-authenticate") ?? "";
      expect(challenge).toMatch(/^Bearer realm="[^"]+"/);
      expect(challenge).toContain('error="invalid_token"');
    }
  });

  it("does not take the refresh token itself as an access token", async () => {
    const refresh = await janeGetsToken();
    oauthError(await download(DAILY, { bearer: refresh }), 401, "invalid_token");
  });

  it("takes an access token for 3600 s, then answers 401 invalid_token", async () => {
    const refresh = await janeGetsToken();
    const access = await accessToken(refresh);
    csvOf(await download(DAILY, { bearer: access }));
    await backend.advance(3599);
    csvOf(await download(DAILY, { bearer: access }));
    await backend.advance(2);
    const response = await download(DAILY, { bearer: access });
    oauthError(response, 401, "invalid_token");
    expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
    // The script renews: a new access token works.
    csvOf(await download(DAILY, { bearer: await accessToken(refresh) }));
  });

  it("ends every access token of a refresh token at once when it is revoked", async () => {
    const refresh = await janeGetsToken();
    const access = [await accessToken(refresh), await accessToken(refresh)];
    for (const bearer of access) csvOf(await download(DAILY, { bearer }));

    tokensOf(await revoke());
    for (const bearer of access) {
      const response = await download(DAILY, { bearer });
      oauthError(response, 401, "invalid_token");
      expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
    }
    const refreshId = (await janeTokenRecords())[0]?.id;
    expect(
      await backend.read((state) =>
        state.accessTokens.filter((a) => a.refreshTokenId === refreshId),
      ),
    ).toEqual([]);
  });

  it("ends the access tokens of a replaced refresh token, not those of the new one", async () => {
    const old = await accessToken(await janeGetsToken());
    const fresh = await accessToken(await newToken());
    oauthError(await download(DAILY, { bearer: old }), 401, "invalid_token");
    csvOf(await download(DAILY, { bearer: fresh }));
  });

  it("answers 403 insufficient_scope for a facility Jane is no longer entitled to", async () => {
    const access = await accessToken(await janeGetsToken());
    csvOf(await download("/download/TRACE-SP/tba-master?action=download", { bearer: access }));
    await backend.change((state) => {
      const jane = state.users.find((u) => u.login === JANE.login);
      if (!jane) throw new Error("no Jane");
      jane.entitlements = jane.entitlements.filter((e) => e.facility !== "TRACE-SP");
    });

    for (const path of [
      "/download/TRACE-SP/tba-master?action=download",
      "/download/TRACE-SP/daily-list?action=delta",
    ]) {
      const response = await download(path, { bearer: access });
      oauthError(response, 403, "insufficient_scope");
      expect(response.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
      expect(response.text).not.toContain("CUSIP");
    }
    csvOf(await download("/download/TRACE-CA/security-master?action=download", { bearer: access }));
  });

  it.each([
    ["an unknown facility", "/download/NYSE/daily-list?action=download"],
    ["an unknown file", "/download/TRACE-CA/everything?action=download"],
    ["another facility's file", "/download/TRACE-CA/tba-master?action=download"],
    ["a facility named in the wrong case", "/download/trace-ca/daily-list?action=download"],
  ])("answers 404 to %s", async (_name, path) => {
    const access = await accessToken(await janeGetsToken());
    oauthError(await download(path, { bearer: access }), 404, "not_found");
  });

  it.each(["upload", "DOWNLOAD", "full", ""])("answers 400 to action=%s", async (action) => {
    const access = await accessToken(await janeGetsToken());
    oauthError(
      await download(`/download/TRACE-CA/daily-list?action=${action}`, { bearer: access }),
      400,
      "invalid_request",
    );
  });

  it.each([
    ["with Delta", "/download/TRACE-CA/daily-list?action=delta&day=2025-06-01"],
    ["on a file that is not a Daily List", "/download/TRACE-CA/security-master?day=2025-06-01"],
    ["that is malformed", "/download/TRACE-CA/daily-list?action=download&day=2025-6-1"],
    ["without its day of the month", "/download/TRACE-CA/daily-list?action=download&day=2025-05"],
    ["that is not a date", "/download/TRACE-CA/daily-list?action=download&day=yesterday"],
    ["in another format", "/download/TRACE-CA/daily-list?action=download&day=06/01/2025"],
    ["with a time", "/download/TRACE-CA/daily-list?action=download&day=2025-06-01T00:00:00Z"],
    ["that is tomorrow", "/download/TRACE-CA/daily-list?action=download&day=2025-06-03"],
    ["far in the future", "/download/TRACE-CA/daily-list?action=download&day=2099-01-01"],
  ])("answers 400 to a day %s", async (_name, path) => {
    const access = await accessToken(await janeGetsToken());
    oauthError(await download(path, { bearer: access }), 400, "invalid_request");
  });

  it("names the file after facility, file, day and action, as a CSV attachment", async () => {
    const access = await accessToken(await janeGetsToken());
    const cases: [string, string][] = [
      [
        "/download/TRACE-CA/daily-list?action=download&day=2025-05-30",
        "TRACE-CA_daily-list_2025-05-30_download.csv",
      ],
      [
        `/download/TRACE-CA/daily-list?action=download&day=${TODAY}`,
        `TRACE-CA_daily-list_${TODAY}_download.csv`,
      ],
      ["/download/TRACE-CA/daily-list", `TRACE-CA_daily-list_${TODAY}_download.csv`],
      [
        "/download/ORF/otc-symbol-directory?action=delta",
        `ORF_otc-symbol-directory_${TODAY}_delta.csv`,
      ],
    ];
    for (const [path, name] of cases) {
      const response = await download(path, { bearer: access });
      csvOf(response);
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${name}"`);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });
});

describe("reference data through the download endpoint", () => {
  it("answers the same facility, file and day with the same CSV", async () => {
    const refresh = await janeGetsToken();
    const access = await accessToken(refresh);
    const path = "/download/TRACE-CA/daily-list?action=download&day=2025-05-20";
    const first = csvOf(await download(path, { bearer: access }));
    // Later, with another access token, after other downloads: the same file.
    await backend.advance(3000);
    csvOf(await download("/download/TRACE-CA/daily-list?action=delta", { bearer: access }));
    const second = csvOf(await download(path, { bearer: await accessToken(refresh) }));
    expect(second).toBe(first);
    expect(first.split("\n")[0]).toBe(TRACE_CA_DAILY_HEADER);
    // Another day is another list.
    const other = csvOf(
      await download("/download/TRACE-CA/daily-list?action=download&day=2025-05-21", {
        bearer: access,
      }),
    );
    expect(other).not.toBe(first);
  });

  it("answers a master file with its declared columns and 40 rows", async () => {
    const access = await accessToken(await janeGetsToken());
    const csv = csvOf(await download("/download/TRACE-CA/security-master", { bearer: access }));
    expect(csv.split("\n")[0]).toBe(TRACE_CA_MASTER_HEADER);
    const rows = rowsOf(csv);
    expect(rows).toHaveLength(40);
    for (const row of rows) expect(row.split(",")).toHaveLength(7);
  });

  it("answers a Daily List with only the rows marked Add or Modify", async () => {
    const access = await accessToken(await janeGetsToken());
    const csv = csvOf(
      await download(`/download/TRACE-CA/daily-list?action=download&day=${TODAY}`, {
        bearer: access,
      }),
    );
    const rows = rowsOf(csv);
    expect(rows.length).toBeLessThan(40);
    for (const row of rows) expect(row.split(",").at(-1)).toMatch(/^(Add|Modify)$/);
  });

  it("answers a first-ever Delta with the whole file", async () => {
    const access = await accessToken(await janeGetsToken());
    const delta = csvOf(
      await download("/download/TRACE-CA/security-master?action=delta", { bearer: access }),
    );
    const full = csvOf(
      await download("/download/TRACE-CA/security-master?action=download", { bearer: access }),
    );
    expect(rowsOf(delta)).toHaveLength(40);
    expect(delta).toBe(full);
  });

  it("answers a Delta right after a Download of the same file with the header only", async () => {
    const access = await accessToken(await janeGetsToken());
    const file = "/download/TRACE-TS/treasury-master";
    csvOf(await download(`${file}?action=download`, { bearer: access }));
    const delta = csvOf(await download(`${file}?action=delta`, { bearer: access }));
    expect(delta).toBe("CUSIP,Symbol,Security Type,Coupon,Maturity,Effective Date\n");
    // Another file of the same facility was never downloaded: its first Delta is whole.
    const other = csvOf(
      await download("/download/TRACE-TS/daily-list?action=delta", { bearer: access }),
    );
    expect(rowsOf(other)).toHaveLength(40);
  });

  it("answers a Delta after some days with exactly the rows that changed since the last Download", async () => {
    const refresh = await janeGetsToken();
    const file = "/download/TRACE-CA/security-master";
    const before = csvOf(
      await download(`${file}?action=download`, { bearer: await accessToken(refresh) }),
    );

    // Three days: with more, the Delta shows stale rows (see the report: rowsChangedBetween keeps
    // a row's first change in the interval, not its last).
    await backend.advance(3 * SECONDS_PER_DAY);
    const access = await accessToken(refresh);
    const delta = csvOf(await download(`${file}?action=delta`, { bearer: access }));
    const after = csvOf(await download(`${file}?action=download`, { bearer: access }));

    const old = new Set(rowsOf(before));
    const changed = rowsOf(after).filter((row) => !old.has(row));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(40);
    expect(delta.split("\n")[0]).toBe(TRACE_CA_MASTER_HEADER);
    expect(new Set(rowsOf(delta))).toEqual(new Set(changed));
    expect(rowsOf(delta)).toHaveLength(changed.length);

    // And a Delta right after that one is empty again.
    expect(rowsOf(csvOf(await download(`${file}?action=delta`, { bearer: access })))).toEqual([]);
  });
});

describe("GET /api/traqs/api/download (Manual, with the session)", () => {
  const MANUAL = "facility=TRACE-CA&file=daily-list&action=download";

  it("answers Jane the same CSV a script gets, as an attachment", async () => {
    await signIn(backend, browser, JANE);
    const response = await manualDownload(browser, `${MANUAL}&day=2025-05-30`);
    const csv = csvOf(response);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="TRACE-CA_daily-list_2025-05-30_download.csv"',
    );
    const access = await accessToken(await newToken());
    const scripted = csvOf(
      await download("/download/TRACE-CA/daily-list?action=download&day=2025-05-30", {
        bearer: access,
      }),
    );
    expect(csv).toBe(scripted);
    expect(csv.split("\n")[0]).toBe(TRACE_CA_DAILY_HEADER);
  });

  it("shares the last download with scripts: a Delta after a Manual download is empty", async () => {
    await signIn(backend, browser, JANE);
    csvOf(await manualDownload(browser, "facility=ADF&file=participant-list&action=download"));
    const access = await accessToken(await newToken());
    const delta = csvOf(
      await download("/download/ADF/participant-list?action=delta", { bearer: access }),
    );
    expect(delta).toBe("MPID,Participant Name,Status,Effective Date\n");
  });

  it("answers 403 NOT_ENTITLED to Sam, 404 to an unknown file and 400 to bad input", async () => {
    const errorOf = async (b: Browser, query: string, status: number, code: string) => {
      const response = await manualDownload(b, query);
      expect({ status: response.status, body: response.json }, response.text).toMatchObject({
        status,
        body: { error: { code } },
      });
    };
    await signIn(backend, browser, SAM);
    await errorOf(browser, MANUAL, 403, "NOT_ENTITLED");
    const jane = backend.browser();
    await errorOf(jane, MANUAL, 401, "UNAUTHENTICATED");
    await signIn(backend, jane, JANE);
    await errorOf(jane, "facility=TRACE-CA&file=nope&action=download", 404, "NOT_FOUND");
    await errorOf(jane, "facility=TRACE-CA&file=daily-list&action=x", 400, "VALIDATION");
    await errorOf(jane, `${MANUAL}&day=2025-06-03`, 400, "VALIDATION");
    await errorOf(jane, "facility=TRACE-CA&file=security-master&day=2025-06-01", 400, "VALIDATION");
  });
});

describe("the reminder 15 days before a refresh token expires", () => {
  /** Seconds from now until `days` days before the token made at `requestedAt` expires. */
  async function secondsUntilDaysBefore(requestedAt: number, days: number) {
    const expiresAt = new Date(requestedAt);
    expiresAt.setUTCFullYear(2025, 11, 2);
    return (expiresAt.getTime() - days * DAY - (await backend.now())) / 1000;
  }

  it("sends exactly one email and reports expiringSoon once within 15 days", async () => {
    const refresh = await janeGetsToken();
    const requestedAt = await backend.now();

    await backend.advance(await secondsUntilDaysBefore(requestedAt, 16));
    expect(await reminders()).toEqual([]);
    let list = tokensOf(await tokens(await janeAgain()));
    expect(list.expiringSoon).toBe(false);
    expect(list.current?.daysLeft).toBe(16);

    await backend.advance(2 * SECONDS_PER_DAY); // 14 days left: moving the clock sends it
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe(JANE.login);
    expect(sent[0]?.text).toContain("Get Token");

    const again = await janeAgain();
    list = tokensOf(await tokens(again));
    expect(list.expiringSoon).toBe(true);
    expect(list.current).toMatchObject({
      token: null,
      last4: refresh.slice(-4),
      isActive: true,
      daysLeft: 14,
    });

    // Looking again, using the token and moving the clock on send no second reminder.
    tokensOf(await tokens(again));
    await accessToken(refresh);
    await backend.advance(SECONDS_PER_DAY);
    await accessToken(refresh);
    expect(await reminders()).toHaveLength(1);

    // A new token is not expiring soon.
    const later = await janeAgain();
    await newToken(later);
    expect(tokensOf(await tokens(later)).expiringSoon).toBe(false);
  });

  it("sends it when the token is looked at, if the clock passed the day unseen", async () => {
    const refresh = await janeGetsToken();
    const requestedAt = await backend.now();
    // Move the clock in the database directly, as a server restart might: no reminder yet.
    const seconds = await secondsUntilDaysBefore(requestedAt, 10);
    await backend.change((state) => {
      state.clockOffsetMs += seconds * 1000;
    });
    expect(await reminders()).toEqual([]);
    await accessToken(refresh);
    expect(await reminders()).toHaveLength(1);
  });

  it("sends none for a token that was revoked or replaced", async () => {
    await janeGetsToken();
    const requestedAt = await backend.now();
    await newToken(); // the first is replaced
    tokensOf(await revoke()); // the second is revoked
    await backend.advance(await secondsUntilDaysBefore(requestedAt, 5));
    expect(await reminders()).toEqual([]);
    expect(tokensOf(await tokens(await janeAgain())).expiringSoon).toBe(false);
  });
});

describe("a verification counts only for what it was verified for", () => {
  it("a Get Token verification (a method, no password) does not allow a password reset", async () => {
    await signIn(backend, browser, JANE);
    await stepUp(browser, JANE.totpKey, "token");
    const reset = await browser.post("/api/account/password", {
      password: "Brand-New-Secret-77",
      signOutOtherDevices: false,
    });
    apiError(reset, 403, "STEP_UP_REQUIRED");
    // The refused reset did not use the grant up: Get Token still works with it.
    expect((await getToken()).status).toBe(200);
  });
});
