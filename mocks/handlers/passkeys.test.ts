import { beforeEach, describe, expect, it } from "vitest";
import { AccountState, type AccountChange } from "../../src/api/contracts/account";
import { EnrollmentState } from "../../src/api/contracts/enrollment";
import {
  PasskeyCreationOptions,
  PasskeyRequestOptions,
  type PasskeyAssertion,
} from "../../src/api/contracts/passkeys";
import type { PasskeyMethod } from "../db/state";
import { PASSKEY_POLICY } from "../rules/passkeys";
import { SoftAuthenticator, type Bend } from "../testing/authenticator";
import { MockBackend } from "../testing/backend";
import { apiError, authnState, type ApiResponse, type Browser } from "../testing/client";
import { SESSION_COOKIE } from "../http/cookie";
import { identify, JANE, JOHN, SAM, signIn, signInToFactor, verifyItsYou } from "../testing/steps";

const CHROME_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

let backend: MockBackend;
let browser: Browser;
beforeEach(() => {
  backend = new MockBackend();
  browser = backend.browser(CHROME_LINUX);
});

/** A whole sign-in with the authenticator app's next code (each code works once). */
async function signInAgain(b: Browser, account: typeof JANE | typeof SAM) {
  await backend.advance(30);
  return signIn(backend, b, account);
}

function ok(response: ApiResponse) {
  expect(response.status, response.text).toBe(200);
  return response.json;
}

const creationOptions = async (b: Browser) =>
  PasskeyCreationOptions.parse(ok(await b.post("/api/enroll/passkey/options")));
/** The passkey steps: alone at sign-in, as the second factor, and for "Verify it's you". */
const ALONE = "/api/authn/passkey-sign-in";
const SECOND_FACTOR = "/api/authn/passkey";
const STEP_UP = "/api/step-up/passkey";
const requestOptions = async (b: Browser, steps = ALONE) =>
  PasskeyRequestOptions.parse(ok(await b.post(`${steps}/options`)));

/** "Verify it's you" in this browser's session, with the account's authenticator app. */
const verify = (b: Browser, account: typeof JANE | typeof SAM, purpose: "view" | AccountChange) =>
  verifyItsYou(backend, b, account, purpose);

/** Signs the account in and sets up a passkey from Settings, after its change verification. */
async function setUpPasskey(account: typeof JANE | typeof SAM, b: Browser = browser) {
  const device = await SoftAuthenticator.create();
  await signInAgain(b, account);
  await verify(b, account, { kind: "setUp", method: "passkey" });
  const response = await b.post(
    "/api/enroll/passkey/verify",
    await device.register(await creationOptions(b)),
  );
  const state = EnrollmentState.parse(ok(response));
  return { device, state };
}

const passkeysOf = (login: string) =>
  backend.read(
    (state) =>
      state.users
        .find((u) => u.login === login)
        ?.methods.filter((m): m is PasskeyMethod => m.type === "passkey") ?? [],
  );

/** A sign-in with only a passkey, in a new browser: options, the authenticator, verify. */
async function passkeySignIn(device: SoftAuthenticator, bend: Bend = {}) {
  const b = backend.browser();
  const assertion = await device.assert(await requestOptions(b), bend);
  return { b, assertion, response: await b.post(`${ALONE}/verify`, assertion) };
}

const activities = (login: string) =>
  backend.read((state) => {
    const user = state.users.find((u) => u.login === login);
    return state.activity.filter((a) => a.userId === user?.id).map((a) => [a.type, a.detail]);
  });

describe("setting up a passkey (SECURITY 29)", () => {
  it("from Settings, after the change verification made for it: kept, emailed, in Recent Activity", async () => {
    const { device, state } = await setUpPasskey(JANE);
    const [listed] = state.methods.filter((m) => m.type === "passkey");
    expect(listed).toMatchObject({ type: "passkey", name: "Chrome on Linux", synced: false });
    expect(listed?.lastUsedAt).toBeNull();
    const [stored] = await passkeysOf(JANE.login);
    expect(stored?.credentialId).toBe(device.id);
    const email = await backend.latest("email", JANE.login);
    expect(email.subject).toBe("FINRA TRAQS - Security method enrolled");
    expect(email.text).toContain("Passkey (Chrome on Linux)");
    expect(await activities(JANE.login)).toContainEqual([
      "method_enrolled",
      "Passkey (Chrome on Linux)",
    ]);
    // The verification is spent: another passkey needs another one.
    apiError(await browser.post("/api/enroll/passkey/options"), 403, "STEP_UP_REQUIRED");
  });

  it("is refused with Settings' verification only, or one made for another change", async () => {
    await signIn(backend, browser, JANE);
    await verify(browser, JANE, "view");
    apiError(await browser.post("/api/enroll/passkey/options"), 403, "STEP_UP_REQUIRED");
    await verify(browser, JANE, { kind: "setUp", method: "phone" });
    apiError(await browser.post("/api/enroll/passkey/options"), 403, "STEP_UP_REQUIRED");
    const device = await SoftAuthenticator.create();
    const forged = await device.register({
      challenge: "AAAA",
      rp: { id: "localhost", name: "x" },
      user: { id: "AAAA", name: "x", displayName: "x" },
      pubKeyCredParams: [{ type: "public-key", alg: -7 }],
    });
    apiError(await browser.post("/api/enroll/passkey/verify", forged), 403, "STEP_UP_REQUIRED");
    expect(await passkeysOf(JANE.login)).toEqual([]);
  });

  it("during activation, as an access method that meets the enrollment rule", async () => {
    const invitation = await backend.latest("email", JOHN.login);
    const token = /^\/activate\/([\w-]+)$/.exec(invitation.link ?? "")?.[1];
    ok(await browser.post("/api/enroll/activate", { token }));
    const device = await SoftAuthenticator.create();
    const options = await creationOptions(browser);
    expect(options.rp.id).toBe("localhost");
    expect(options).toMatchObject({
      authenticatorSelection: { residentKey: "required", userVerification: "required" },
    });
    const state = EnrollmentState.parse(
      ok(await browser.post("/api/enroll/passkey/verify", await device.register(options))),
    );
    expect(state.methods.map((m) => m.type)).toEqual(["passkey"]);
  });

  it("refuses a registration for another origin, and one whose challenge was used", async () => {
    await signIn(backend, browser, JANE);
    await verify(browser, JANE, { kind: "setUp", method: "passkey" });
    const device = await SoftAuthenticator.create();
    const options = await creationOptions(browser);
    const phished = await device.register(options, { origin: "https://evil.example" });
    apiError(await browser.post("/api/enroll/passkey/verify", phished), 401, "PASSKEY_REFUSED");
    // The challenge went with that attempt: the good response over it is refused too.
    const good = await device.register(options);
    apiError(await browser.post("/api/enroll/passkey/verify", good), 401, "PASSKEY_REFUSED");
    expect(await passkeysOf(JANE.login)).toEqual([]);
  });

  it(`allows at most ${PASSKEY_POLICY.maxPerUser} a user`, async () => {
    const { device } = await setUpPasskey(JANE);
    await backend.change((state) => {
      const jane = state.users.find((u) => u.login === JANE.login);
      const first = jane?.methods.find((m) => m.type === "passkey");
      for (let n = 1; jane && first && n < PASSKEY_POLICY.maxPerUser; n++)
        jane.methods.push({ ...first, id: `copy-${n}`, credentialId: `${device.id}${n}` });
    });
    await verify(browser, JANE, { kind: "setUp", method: "passkey" });
    apiError(await browser.post("/api/enroll/passkey/options"), 409, "PASSKEY_LIMIT");
  });
});

describe("signing in with a passkey alone (SECURITY 27, 28)", () => {
  it("signs in the passkey's user with no username typed; the passkey's use is kept", async () => {
    const { device } = await setUpPasskey(JANE);
    await backend.advance(60);
    const options = await requestOptions(backend.browser());
    expect(options.userVerification).toBe("required");
    expect(options.allowCredentials ?? []).toEqual([]);
    const { response } = await passkeySignIn(device);
    const state = authnState(response);
    expect(state).toMatchObject({ status: "SUCCESS", username: JANE.login });
    const [stored] = await passkeysOf(JANE.login);
    expect(stored?.counter).toBe(1);
    expect(stored?.lastUsedAt).toBe(await backend.now());
    expect((await activities(JANE.login)).at(-1)).toEqual(["sign_in", undefined]);
  });

  it("refuses a replayed assertion", async () => {
    const { device } = await setUpPasskey(JANE);
    const { b, assertion } = await passkeySignIn(device);
    // The same bytes again, in the same browser after new options, and in another browser.
    await requestOptions(b);
    apiError(await b.post(`${ALONE}/verify`, assertion), 401, "PASSKEY_REFUSED");
    const other = backend.browser();
    await requestOptions(other);
    apiError(await other.post(`${ALONE}/verify`, assertion), 401, "PASSKEY_REFUSED");
    apiError(await backend.browser().post(`${ALONE}/verify`, assertion), 401, "PASSKEY_REFUSED");
  });

  it("neither sets nor clears the session cookie: the page's autofill never races the username's Next", async () => {
    const b = backend.browser();
    const options = await b.post(`${ALONE}/options`);
    expect(options.status).toBe(200);
    expect(options.headers.getSetCookie()).toEqual([]);
    expect(b.sessionId).toBeUndefined();
    // Sent with a session that Next has since replaced, it leaves the new one alone.
    authnState(await identify(b, JANE.login));
    const stale = b.sessionId ?? "";
    authnState(await identify(b, JANE.login));
    const late = await backend.browser().setCookie(SESSION_COOKIE, stale).post(`${ALONE}/options`);
    expect(late.headers.getSetCookie()).toEqual([]);
  });

  it("refuses an expired challenge", async () => {
    const { device } = await setUpPasskey(JANE);
    const b = backend.browser();
    const options = await requestOptions(b);
    await backend.advance(PASSKEY_POLICY.challengeMinutes * 60 + 1);
    const assertion = await device.assert(options);
    apiError(await b.post(`${ALONE}/verify`, assertion), 401, "PASSKEY_REFUSED");
  });

  it("refuses another origin, another RP ID, and no user verification", async () => {
    const { device } = await setUpPasskey(JANE);
    for (const bend of [
      { origin: "https://evil.example" },
      { rpId: "evil.example" },
      { userVerified: false },
      { badSignature: true },
    ]) {
      apiError((await passkeySignIn(device, bend)).response, 401, "PASSKEY_REFUSED");
    }
    const [stored] = await passkeysOf(JANE.login);
    expect(stored?.lastUsedAt).toBeNull();
  });

  it("refuses an assertion whose user handle names someone else", async () => {
    const { device } = await setUpPasskey(JANE);
    const sams = await backend.read((state) => state.users.find((u) => u.login === SAM.login)?.id);
    const userHandle = Buffer.from(sams ?? "").toString("base64url");
    apiError((await passkeySignIn(device, { userHandle })).response, 401, "PASSKEY_REFUSED");
  });

  it("refuses a passkey no one registered here", async () => {
    const stranger = await SoftAuthenticator.create();
    apiError((await passkeySignIn(stranger)).response, 401, "PASSKEY_REFUSED");
  });

  it("refuses a counter that goes backwards, and emails the user", async () => {
    const { device } = await setUpPasskey(JANE);
    authnState((await passkeySignIn(device, { counter: 7 })).response);
    const { response } = await passkeySignIn(device, { counter: 3 });
    apiError(response, 401, "PASSKEY_REFUSED");
    const email = await backend.latest("email", JANE.login);
    expect(email.subject).toBe("FINRA TRAQS - Passkey sign-in refused");
    expect(email.text).toContain("signature counter went backwards");
    expect(email.link).toMatch(/^\/report-suspicious-activity\//);
    expect((await activities(JANE.login)).map(([type]) => type)).toContain(
      "passkey_counter_refused",
    );
    const [stored] = await passkeysOf(JANE.login);
    expect(stored?.counter).toBe(7);
  });
});

describe("a passkey as the second factor and for Verify it's you", () => {
  it("completes the sign-in after the password", async () => {
    const { device } = await setUpPasskey(JANE);
    const b = backend.browser();
    const factors = await signInToFactor(b, JANE);
    const passkey = factors.factors.find((f) => f.type === "passkey");
    const options = await requestOptions(b, SECOND_FACTOR);
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([device.id]);
    const state = authnState(await b.post(`${SECOND_FACTOR}/verify`, await device.assert(options)));
    expect(state.status).toBe("SUCCESS");
    expect(state.lastUsed).toEqual({ methodId: passkey?.id, mode: "passkey" });
  });

  it("refuses another user's passkey, and counts it toward lockout", async () => {
    const { device: samsPasskey } = await setUpPasskey(SAM);
    const b = backend.browser();
    await signInToFactor(b, JANE);
    // Jane has no passkey: no options. Sam's assertion over Jane's flow is refused all the same.
    apiError(await b.post(`${SECOND_FACTOR}/options`), 404, "NOT_FOUND");
    await setUpPasskey(JANE, backend.browser(CHROME_LINUX));
    const options = await requestOptions(b, SECOND_FACTOR);
    const assertion = await samsPasskey.assert(options);
    apiError(await b.post(`${SECOND_FACTOR}/verify`, assertion), 401, "PASSKEY_REFUSED");
    expect(await activities(JANE.login)).toContainEqual(["factor_failed", "passkey"]);
    const failures = await backend.read((state) => state.loginAttempts[JANE.login]?.failures);
    expect(failures).toBe(1);
  });

  it('verifies "Verify it\'s you" and opens Settings', async () => {
    const { device } = await setUpPasskey(JANE);
    const b = backend.browser();
    await signInAgain(b, JANE);
    authnState(await b.post("/api/step-up/start", { purpose: "view" }));
    const options = await requestOptions(b, STEP_UP);
    // A step-up's challenge does not serve a sign-in: refused there, it still serves the step-up.
    const assertion: PasskeyAssertion = await device.assert(options);
    apiError(await b.post(`${ALONE}/verify`, assertion), 401, "PASSKEY_REFUSED");
    const state = authnState(await b.post(`${STEP_UP}/verify`, assertion));
    expect(state.status).toBe("SUCCESS");
    AccountState.parse(ok(await b.get("/api/account")));
  });
});

describe("managing passkeys in Settings", () => {
  it("renames one while Settings is open", async () => {
    await setUpPasskey(JANE);
    const [stored] = await passkeysOf(JANE.login);
    const path = `/api/account/methods/${stored?.id}/name`;
    const renamed = AccountState.parse(ok(await browser.put(path, { name: " Work laptop " })));
    expect(renamed.methods.find((m) => m.id === stored?.id)?.name).toBe("Work laptop");
    const other = backend.browser();
    await signInAgain(other, JANE);
    apiError(await other.put(path, { name: "Mine" }), 403, "STEP_UP_REQUIRED");
  });

  it("removes one after the confirm and verify path, with an email; the last-method rule counts it", async () => {
    await setUpPasskey(JANE);
    const [stored] = await passkeysOf(JANE.login);
    const id = stored?.id ?? "";
    apiError(await browser.delete(`/api/account/methods/${id}`), 403, "STEP_UP_REQUIRED");
    await verify(browser, JANE, { kind: "removeMethod", methodId: id });
    AccountState.parse(ok(await browser.delete(`/api/account/methods/${id}`)));
    const email = await backend.latest("email", JANE.login);
    expect(email.text).toContain("Passkey (Chrome on Linux)");
    expect(await activities(JANE.login)).toContainEqual([
      "method_removed",
      "Passkey (Chrome on Linux)",
    ]);
    expect(await passkeysOf(JANE.login)).toEqual([]);
  });

  it("keeps the last passkey when it is the only method left", async () => {
    await setUpPasskey(SAM);
    const authenticator = await backend.read(
      (state) => state.users.find((u) => u.login === SAM.login)?.methods[0]?.id ?? "",
    );
    await verify(browser, SAM, { kind: "removeMethod", methodId: authenticator });
    AccountState.parse(ok(await browser.delete(`/api/account/methods/${authenticator}`)));
    const [passkey] = await passkeysOf(SAM.login);
    apiError(await browser.delete(`/api/account/methods/${passkey?.id}`), 409, "LAST_METHOD");
  });
});
