import { beforeEach, describe, expect, it } from "vitest";
import { Me } from "../../src/api/contracts/me";
import { MockBackend } from "../testing/backend";
import { apiError, type ApiResponse, type Browser } from "../testing/client";
import { JANE, SAM, signIn } from "../testing/steps";

let backend: MockBackend;
let browser: Browser;
beforeEach(() => {
  backend = new MockBackend();
  browser = backend.browser();
});

const me = () => browser.get("/api/me");
const chooseUsername = (username: string) => browser.post("/api/me/traqs-username", { username });

function meOf(response: ApiResponse): Me {
  expect(response.status, response.text).toBe(200);
  return Me.parse(response.json);
}

describe("GET /api/me", () => {
  it("answers 401 UNAUTHENTICATED without a session", async () => {
    apiError(await me(), 401, "UNAUTHENTICATED");
  });

  it("answers 401 to a session that has not finished signing in", async () => {
    await browser.post("/api/authn/identify", { username: JANE.login });
    await browser.post("/api/authn/password", { password: JANE.password });
    expect(browser.sessionId).toBeTruthy();
    apiError(await me(), 401, "UNAUTHENTICATED");
  });
});

describe("TRAQS usernames", () => {
  it("lets Jane choose only her active usernames, and switch between them", async () => {
    await signIn(backend, browser, JANE);
    const before = meOf(await me());
    expect(before).toMatchObject({ login: JANE.login, firstName: "Jane", traqsUsername: null });
    expect(before.traqsUsernames).toEqual([
      { username: "JDOE01", active: true },
      { username: "JDOE02", active: false },
      { username: "JDOE03", active: true },
    ]);

    apiError(await chooseUsername("JDOE02"), 409, "USERNAME_INACTIVE");
    apiError(await chooseUsername("SLEE01"), 404, "NOT_FOUND");
    expect(meOf(await me()).traqsUsername).toBeNull();

    expect(meOf(await chooseUsername("JDOE01")).traqsUsername).toBe("JDOE01");
    expect(meOf(await me()).traqsUsername).toBe("JDOE01");
    expect(meOf(await chooseUsername("JDOE03")).traqsUsername).toBe("JDOE03");
    apiError(await chooseUsername("JDOE02"), 409, "USERNAME_INACTIVE");
    expect(meOf(await me()).traqsUsername).toBe("JDOE03");
  });

  it("gives Sam, who has one, that one at sign-in", async () => {
    await signIn(backend, browser, SAM);
    expect(meOf(await me())).toMatchObject({ login: SAM.login, traqsUsername: "SLEE01" });
  });

  it("refuses a choice without a session", async () => {
    apiError(await chooseUsername("JDOE01"), 401, "UNAUTHENTICATED");
  });
});

describe("the session", () => {
  it("ends on the server at sign out", async () => {
    await signIn(backend, browser, JANE);
    const sessionId = browser.sessionId ?? "";
    const signOut = await browser.delete("/api/session");
    expect(signOut.status).toBe(204);
    expect(signOut.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^traqs_sid=;.*Max-Age=0/),
    ]);
    expect(browser.sessionId).toBeUndefined();

    const sameCookie = backend.browser().setCookie("traqs_sid", sessionId);
    apiError(await sameCookie.get("/api/me"), 401, "UNAUTHENTICATED");
    expect(await backend.read((state) => state.sessions.map((s) => s.id))).not.toContain(sessionId);
  });

  it("ends after more than 120 idle minutes; a request keeps it alive", async () => {
    await signIn(backend, browser, JANE);
    await backend.advance(119 * 60);
    meOf(await me());
    await backend.advance(119 * 60);
    meOf(await me());
    await backend.advance(121 * 60);
    apiError(await me(), 401, "UNAUTHENTICATED");
  });

  it("that ended are swept out when another starts, though never asked for again", async () => {
    // Sign-ins left at their username: anyone's requests can start them.
    for (let i = 0; i < 20; i++)
      await backend.browser().post("/api/authn/identify", { username: `nobody${i}@example.com` });
    await signIn(backend, browser, JANE);
    const count = () => backend.read((state) => state.sessions.length);
    expect(await count()).toBe(21);
    await backend.advance(100 * 60);
    meOf(await me());
    await backend.advance(30 * 60); // the twenty idle for 130 minutes, Jane's for 30
    await backend.browser().post("/api/authn/identify", { username: SAM.login });
    expect(await count()).toBe(2);
    meOf(await me());
  });
});
