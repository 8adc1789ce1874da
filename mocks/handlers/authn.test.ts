import { beforeEach, describe, expect, it } from "vitest";
import { Me } from "../../src/api/contracts/me";
import { OutboxMessage } from "../../src/api/contracts/dev";
import { newTotpSecret } from "../rules/totp";
import { MockBackend } from "../testing/backend";
import { apiError, authnState, type Browser } from "../testing/client";
import {
  addOktaVerify,
  addPhone,
  challenge,
  expectNoSecrets,
  factorId,
  identify,
  JANE,
  JOHN,
  NOBODY,
  otherCode,
  signIn,
  signInToFactor,
  submitPassword,
  verifyCode,
  wrongTotp,
  WRONG_PASSWORD,
} from "../testing/steps";

let backend: MockBackend;
let browser: Browser;
beforeEach(() => {
  backend = new MockBackend();
  browser = backend.browser();
});

const poll = (b: Browser) => b.post("/api/authn/poll");
const me = (b: Browser) => b.get("/api/me");

/** The user's activity of one type, read from the database. */
const activity = (login: string, type: string) =>
  backend.read((state) => {
    const user = state.users.find((u) => u.login === login);
    return state.activity.filter((a) => a.userId === user?.id && a.type === type);
  });

describe("Jane signs in with her authenticator app", () => {
  it("goes username → password → factor → success, with a new session id at the end", async () => {
    const identified = authnState(await identify(browser, JANE.login));
    expect(identified).toEqual({
      status: "PASSWORD",
      username: JANE.login,
      factors: [],
      lastUsed: null,
      sendPushAutomatically: false,
      challenge: null,
    });
    const idBeforeSuccess = browser.sessionId;
    expect(idBeforeSuccess).toBeTruthy();

    const atFactor = authnState(await submitPassword(browser, JANE.password));
    expect(atFactor.status).toBe("FACTOR");
    expect(atFactor.factors).toEqual([
      { id: expect.any(String), type: "google_authenticator" },
      { id: expect.any(String), type: "phone", maskedPhone: "+1 XXX-XXX-0143", channel: "sms" },
    ]);
    const authenticator = factorId(atFactor, "google_authenticator");
    expect(atFactor.lastUsed).toEqual({ methodId: authenticator, mode: "code" });

    const success = await verifyCode(browser, authenticator, await backend.totp(JANE.totpKey));
    expect(authnState(success).status).toBe("SUCCESS");
    expect(success.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^traqs_sid=[\w-]+; Path=\/; SameSite=Strict; HttpOnly$/),
    ]);
    expect(browser.sessionId).toBeTruthy();
    expect(browser.sessionId).not.toBe(idBeforeSuccess);

    const signedIn = await me(browser);
    expect(signedIn.status).toBe(200);
    expect(Me.parse(signedIn.json).login).toBe(JANE.login);

    const oldCookie = backend.browser("attacker").setCookie("traqs_sid", idBeforeSuccess ?? "");
    apiError(await me(oldCookie), 401, "UNAUTHENTICATED");

    expectNoSecrets(browser, [JANE.totpKey, "2025550143", "5550143", JANE.password]);
  });

  it("answers an unknown or not yet activated username exactly as a known one", async () => {
    const janeBrowser = backend.browser();
    const jane = authnState(await identify(janeBrowser, JANE.login));
    const nobody = authnState(await identify(browser, NOBODY.login));
    const john = authnState(await identify(backend.browser(), JOHN.login));
    expect(nobody).toEqual({ ...jane, username: NOBODY.login });
    expect(john).toEqual({ ...jane, username: JOHN.login });
    expect(browser.sessionId).toBeTruthy();

    const janeWrong = apiError(
      await submitPassword(janeBrowser, WRONG_PASSWORD),
      401,
      "INVALID_CREDENTIALS",
    );
    const nobodyWrong = apiError(
      await submitPassword(browser, WRONG_PASSWORD),
      401,
      "INVALID_CREDENTIALS",
    );
    expect(nobodyWrong).toEqual(janeWrong);
    // Even the seed password does not get a non-existent user further.
    expect(
      apiError(await submitPassword(browser, NOBODY.password), 401, "INVALID_CREDENTIALS"),
    ).toEqual(janeWrong);
  });
});

describe("codes from the authenticator app", () => {
  it("refuses a wrong code and records the failed factor after the right password", async () => {
    const atFactor = await signInToFactor(browser, JANE);
    const authenticator = factorId(atFactor, "google_authenticator");
    const wrong = wrongTotp(JANE.totpKey, await backend.now());
    apiError(await verifyCode(browser, authenticator, wrong), 401, "INVALID_CODE");

    const failed = await activity(JANE.login, "factor_failed");
    expect(failed).toEqual([
      expect.objectContaining({ detail: "google_authenticator", userAgent: browser.userAgent }),
    ]);
    expect(await activity(JANE.login, "sign_in")).toEqual([]);
  });

  it("refuses an accepted code in a second sign-in", async () => {
    const code = await backend.totp(JANE.totpKey);
    const first = await signInToFactor(browser, JANE);
    expect(
      authnState(await verifyCode(browser, factorId(first, "google_authenticator"), code)).status,
    ).toBe("SUCCESS");

    const other = backend.browser();
    const second = await signInToFactor(other, JANE);
    apiError(
      await verifyCode(other, factorId(second, "google_authenticator"), code),
      401,
      "CODE_ALREADY_USED",
    );
    apiError(await me(other), 401, "UNAUTHENTICATED");
  });

  it("tells a phone whose clock is two steps ahead that its clock is off", async () => {
    const atFactor = await signInToFactor(browser, JANE);
    const ahead = await backend.totp(JANE.totpKey, 60);
    const error = apiError(
      await verifyCode(browser, factorId(atFactor, "google_authenticator"), ahead),
      401,
      "CLOCK_SKEW",
    );
    expect(error.skewSeconds).toBe(60);
  });
});

describe("lockout", () => {
  /** Four failures that answer 401, then the fifth that locks. */
  async function failFiveTimes(b: Browser) {
    const answers = [];
    for (let i = 0; i < 4; i++)
      answers.push(apiError(await submitPassword(b, WRONG_PASSWORD), 401, "INVALID_CREDENTIALS"));
    const locked = await submitPassword(b, WRONG_PASSWORD);
    answers.push(apiError(locked, 403, "ACCOUNT_LOCKED"));
    return { answers, locked };
  }

  it("locks Jane after 5 wrong passwords for 15 minutes, and emails her", async () => {
    await identify(browser, JANE.login);
    const { answers, locked } = await failFiveTimes(browser);
    const retryAfter = answers[4]?.retryAfterSeconds ?? 0;
    expect(retryAfter).toBeGreaterThanOrEqual(899);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(locked.headers.get("Retry-After")).toBe(String(retryAfter));

    const email = await backend.latest("email", JANE.login);
    expect(email.subject).toBe("FINRA TRAQS - Account Locked");
    expect(await activity(JANE.login, "account_locked")).toHaveLength(1);

    apiError(await submitPassword(browser, JANE.password), 403, "ACCOUNT_LOCKED");
    await backend.advance(14 * 60);
    const stillLocked = apiError(
      await submitPassword(browser, JANE.password),
      403,
      "ACCOUNT_LOCKED",
    );
    expect(stillLocked.retryAfterSeconds).toBe(retryAfter - 14 * 60);

    await backend.advance(60);
    expect(authnState(await submitPassword(browser, JANE.password)).status).toBe("FACTOR");
  });

  it("locks an unknown username with the same answers, but emails nobody", async () => {
    const janeBrowser = backend.browser();
    await identify(janeBrowser, JANE.login);
    await identify(browser, NOBODY.login);
    const before = await backend.outbox();

    const jane = await failFiveTimes(janeBrowser);
    const nobody = await failFiveTimes(browser);
    expect(nobody.answers).toEqual(jane.answers);
    expect(apiError(await submitPassword(browser, NOBODY.password), 403, "ACCOUNT_LOCKED")).toEqual(
      apiError(await submitPassword(janeBrowser, JANE.password), 403, "ACCOUNT_LOCKED"),
    );

    const sent = (await backend.outbox()).slice(0, -before.length);
    expect(sent.map((m) => [m.to, m.subject])).toEqual([
      [JANE.login, "FINRA TRAQS - Account Locked"],
    ]);
  });

  it("counts wrong codes with wrong passwords; a new SMS code does not reset the count", async () => {
    await identify(browser, JANE.login);
    apiError(await submitPassword(browser, WRONG_PASSWORD), 401, "INVALID_CREDENTIALS"); // 1
    const atFactor = authnState(await submitPassword(browser, JANE.password));
    const authenticator = factorId(atFactor, "google_authenticator");
    const wrong = wrongTotp(JANE.totpKey, await backend.now());
    apiError(await verifyCode(browser, authenticator, wrong), 401, "INVALID_CODE"); // 2
    apiError(await verifyCode(browser, authenticator, wrong), 401, "INVALID_CODE"); // 3

    const sms = factorId(atFactor, "phone", "sms");
    authnState(await challenge(browser, sms));
    const firstCode = (await backend.latest("sms", JANE.phone)).code ?? "";
    apiError(await verifyCode(browser, sms, otherCode(firstCode)), 401, "INVALID_CODE"); // 4

    await backend.advance(30);
    authnState(await challenge(browser, sms));
    const newCode = (await backend.latest("sms", JANE.phone)).code ?? "";
    apiError(await verifyCode(browser, sms, otherCode(newCode)), 403, "ACCOUNT_LOCKED"); // 5

    apiError(await verifyCode(browser, sms, newCode), 403, "ACCOUNT_LOCKED");
    const rightTotp = await backend.totp(JANE.totpKey);
    apiError(await verifyCode(browser, authenticator, rightTotp), 403, "ACCOUNT_LOCKED");
    expect((await backend.latest("email", JANE.login)).subject).toBe(
      "FINRA TRAQS - Account Locked",
    );
  });

  it("matches the username without regard to case or spaces, and locks it as one", async () => {
    const shouting = authnState(await identify(browser, ` ${JANE.login.toUpperCase()} `));
    expect(shouting.username).toBe(JANE.login);
    for (let i = 0; i < 3; i++)
      apiError(await submitPassword(browser, WRONG_PASSWORD), 401, "INVALID_CREDENTIALS");
    await identify(browser, JANE.login);
    apiError(await submitPassword(browser, WRONG_PASSWORD), 401, "INVALID_CREDENTIALS");
    apiError(await submitPassword(browser, WRONG_PASSWORD), 403, "ACCOUNT_LOCKED");
  });

  it("starts the count again after a completed sign-in", async () => {
    await identify(browser, JANE.login);
    for (let i = 0; i < 4; i++)
      apiError(await submitPassword(browser, WRONG_PASSWORD), 401, "INVALID_CREDENTIALS");
    await signIn(backend, browser, JANE);

    await identify(browser, JANE.login);
    for (let i = 0; i < 4; i++)
      apiError(await submitPassword(browser, WRONG_PASSWORD), 401, "INVALID_CREDENTIALS");
    apiError(await submitPassword(browser, WRONG_PASSWORD), 403, "ACCOUNT_LOCKED");
  });
});

describe("SMS and voice codes", () => {
  it("texts a 6-digit code, not again within 30 s, again after; the code signs in", async () => {
    const sms = factorId(await signInToFactor(browser, JANE), "phone", "sms");
    const sent = authnState(await challenge(browser, sms));
    expect(sent.challenge).toMatchObject({ methodId: sms, kind: "sms" });
    const { sentAt, resendAt, expiresAt } = sent.challenge ?? {};
    expect(Date.parse(resendAt ?? "") - Date.parse(sentAt ?? "")).toBe(30_000);
    expect(Date.parse(expiresAt ?? "") - Date.parse(sentAt ?? "")).toBe(5 * 60_000);

    const first = await backend.latest("sms", JANE.phone);
    expect(first.to).toBe(JANE.phone);
    expect(first.code).toMatch(/^\d{6}$/);
    expect(first.text).toContain(first.code);

    await backend.advance(10);
    const limited = apiError(await challenge(browser, sms), 429, "RATE_LIMITED");
    expect(limited.retryAfterSeconds).toBe(20);
    const smsCount = async () => (await backend.outbox()).filter((m) => m.channel === "sms").length;
    expect(await smsCount()).toBe(1);

    await backend.advance(20);
    authnState(await challenge(browser, sms));
    expect(await smsCount()).toBe(2);
    const second = await backend.latest("sms", JANE.phone);
    expect(second.id).not.toBe(first.id);

    expect(authnState(await verifyCode(browser, sms, second.code ?? "")).status).toBe("SUCCESS");
    expectNoSecrets(browser, [second.code ?? "", "2025550143"]);
  });

  it("takes a code once, and only in the sign-in that asked for it", async () => {
    const other = backend.browser("another browser");
    const sms = factorId(await signInToFactor(browser, JANE), "phone", "sms");
    await signInToFactor(other, JANE);

    authnState(await challenge(browser, sms));
    const mySms = await backend.latest("sms", JANE.phone);
    const mine = mySms.code ?? "";
    await backend.advance(30); // one send per 30 s to a phone, whichever sign-in asks
    authnState(await challenge(other, sms));
    expect((await backend.latest("sms", JANE.phone)).id).not.toBe(mySms.id);

    apiError(await verifyCode(other, sms, mine), 401, "INVALID_CODE");
    expect(authnState(await verifyCode(browser, sms, mine)).status).toBe("SUCCESS");

    // A new sign-in in the same browser: the old code is worth nothing.
    await signInToFactor(browser, JANE);
    apiError(await verifyCode(browser, sms, mine), 409, "WRONG_STEP");
    await backend.advance(30);
    authnState(await challenge(browser, sms));
    apiError(await verifyCode(browser, sms, mine), 401, "INVALID_CODE");
  });

  it("refuses a code used after 6 minutes as expired; a new one can be asked at once", async () => {
    const sms = factorId(await signInToFactor(browser, JANE), "phone", "sms");
    authnState(await challenge(browser, sms));
    const code = (await backend.latest("sms", JANE.phone)).code ?? "";
    await backend.advance(6 * 60);
    apiError(await verifyCode(browser, sms, code), 401, "CODE_EXPIRED");

    authnState(await challenge(browser, sms));
    const fresh = (await backend.latest("sms", JANE.phone)).code ?? "";
    expect(authnState(await verifyCode(browser, sms, fresh)).status).toBe("SUCCESS");
  });

  it("calls a voice phone with a 5-digit code, spoken twice", async () => {
    const number = "+12025550199";
    const voice = await addPhone(backend, JANE.login, number, "voice");
    const atFactor = await signInToFactor(browser, JANE);
    expect(atFactor.factors).toContainEqual({
      id: voice,
      type: "phone",
      maskedPhone: "+1 XXX-XXX-0199",
      channel: "voice",
    });

    expect(authnState(await challenge(browser, voice)).challenge?.kind).toBe("voice");
    const call = await backend.latest("voice", number);
    expect(call.code).toMatch(/^\d{5}$/);
    const spoken = (call.code ?? "").split("").join(" ");
    expect(call.text.split(spoken)).toHaveLength(3);
    expect(authnState(await verifyCode(browser, voice, call.code ?? "")).status).toBe("SUCCESS");
  });
});

describe("Okta Verify push", () => {
  let oktaVerify: string;
  beforeEach(async () => {
    oktaVerify = await addOktaVerify(backend, JANE.login, newTotpSecret());
  });

  /** Jane at the factor step asks for a push; returns the number shown and the push sent. */
  async function startPush() {
    const atFactor = await signInToFactor(browser, JANE);
    expect(atFactor.factors).toContainEqual({
      id: oktaVerify,
      type: "okta_verify",
      deviceName: "Pixel 9",
    });
    const sent = authnState(await challenge(browser, oktaVerify, "push"));
    expect(sent.challenge).toMatchObject({ methodId: oktaVerify, kind: "push" });
    const pushNumber = sent.challenge?.pushNumber ?? -1;
    expect(pushNumber).toBeGreaterThanOrEqual(10);
    expect(pushNumber).toBeLessThanOrEqual(99);
    const message = await backend.latest("push", "Pixel 9");
    expect(message.push?.status).toBe("waiting");
    return { pushNumber, pushId: message.id };
  }

  it("sends a push whose outbox record carries no list of numbers, nor the number (SECURITY 16)", async () => {
    const { pushNumber, pushId } = await startPush();
    const raw = (await backend.browser().get("/__dev/outbox")).json as Record<string, unknown>[];
    const record = raw.find((m) => m.id === pushId);
    expect(record?.push).toEqual({ status: "waiting", expiresAt: expect.any(String) });
    // Its times are left out: a number such as 10 may stand in "14:00:10" by chance.
    const { sentAt: _sentAt, push: _push, ...rest } = record ?? {};
    expect(JSON.stringify(rest)).not.toMatch(new RegExp(`\\b${pushNumber}\\b|numbers`));
    expect(record?.text).toContain("Enter the number shown on the screen.");
  });

  it("refuses an approval with no number typed", async () => {
    const { pushId } = await startPush();
    apiError(await backend.decidePush(pushId, "approve"), 400, "VALIDATION");
    expect(authnState(await poll(browser)).challenge?.pushStatus).toBe("waiting");
  });

  it("signs in once the number on the screen is typed in the app (SECURITY 16)", async () => {
    const { pushNumber, pushId } = await startPush();
    expect(authnState(await poll(browser)).challenge?.pushStatus).toBe("waiting");

    const decided = await backend.decidePush(pushId, "approve", pushNumber);
    expect(decided.status).toBe(200);
    const done = authnState(await poll(browser));
    expect(done.status).toBe("SUCCESS");
    expect((await me(browser)).status).toBe(200);
  });

  it("denies the push when another number is typed in the app (SECURITY 16)", async () => {
    const { pushNumber, pushId } = await startPush();
    const wrong = pushNumber === 99 ? 10 : pushNumber + 1;
    const answered = await backend.decidePush(pushId, "approve", wrong);
    expect(answered.status).toBe(200);
    expect(OutboxMessage.parse(answered.json).push?.status).toBe("wrong_number");
    apiError(await poll(browser), 401, "PUSH_WRONG_NUMBER");
    apiError(await me(browser), 401, "UNAUTHENTICATED");
  });

  it("sends no other push within 30 s, and one after (SECURITY 16)", async () => {
    await startPush();
    apiError(await challenge(browser, oktaVerify, "push"), 429, "RATE_LIMITED");
    await backend.advance(30);
    expect(authnState(await challenge(browser, oktaVerify, "push")).challenge?.kind).toBe("push");
    expect((await backend.outbox()).filter((m) => m.channel === "push")).toHaveLength(2);
  });

  it("reports a denied push", async () => {
    const { pushId } = await startPush();
    expect((await backend.decidePush(pushId, "deny")).status).toBe(200);
    apiError(await poll(browser), 401, "PUSH_DENIED");
    expect(await activity(JANE.login, "factor_failed")).toEqual([
      expect.objectContaining({ detail: "okta_verify_push" }),
    ]);
  });

  it("counts a denied push toward lockout", async () => {
    await identify(browser, JANE.login);
    for (let i = 0; i < 4; i++)
      apiError(await submitPassword(browser, WRONG_PASSWORD), 401, "INVALID_CREDENTIALS");
    const { pushId } = await startPush();
    await backend.decidePush(pushId, "deny");
    apiError(await poll(browser), 403, "ACCOUNT_LOCKED");
  });

  it("expires a push not answered within 5 minutes", async () => {
    const { pushNumber, pushId } = await startPush();
    await backend.advance(5 * 60 + 1);
    apiError(await poll(browser), 401, "PUSH_EXPIRED");
    expect((await backend.decidePush(pushId, "approve", pushNumber)).status).toBe(409);
    apiError(await me(browser), 401, "UNAUTHENTICATED");
  });
});

describe("steps out of order", () => {
  it("answers 409 WRONG_STEP to a code before the password, or without a sign-in", async () => {
    const methodId = await backend.read(
      (state) => state.users.find((u) => u.login === JANE.login)?.methods[0]?.id ?? "",
    );
    const code = await backend.totp(JANE.totpKey);
    apiError(await verifyCode(browser, methodId, code), 409, "WRONG_STEP");
    await identify(browser, JANE.login);
    apiError(await verifyCode(browser, methodId, code), 409, "WRONG_STEP");
    // The code was not used up by the refused attempts.
    await submitPassword(browser, JANE.password);
    expect(authnState(await verifyCode(browser, methodId, code)).status).toBe("SUCCESS");
  });

  it("answers 409 WRONG_STEP to a password before a username", async () => {
    apiError(await submitPassword(browser, JANE.password), 409, "WRONG_STEP");
  });
});

describe("request validation", () => {
  const steps = [
    {
      path: "/api/authn/identify",
      reach: async () => {},
      stage: "IDENTIFY",
      fields: ["username"],
    },
    {
      path: "/api/authn/password",
      reach: (b: Browser) => identify(b, JANE.login),
      stage: "PASSWORD",
      fields: ["password"],
    },
    {
      path: "/api/authn/verify",
      reach: (b: Browser) => signInToFactor(b, JANE),
      stage: "FACTOR",
      fields: ["methodId", "code"],
    },
  ];
  const oversized = JSON.stringify({
    username: JANE.login,
    password: JANE.password,
    methodId: "x",
    code: "123456",
    padding: "x".repeat(64 * 1024),
  });
  const bodies: [string, number, string][] = [
    ["malformed JSON", 400, '{"username": "jane'],
    ["no fields", 400, "{}"],
    ["fields of the wrong type", 400, '{"username": 1, "password": 1, "methodId": 1, "code": 1}'],
    ["a JSON array", 400, "[]"],
    ["a body over 64 KiB", 413, oversized],
  ];

  describe.each(steps)("$path", ({ path, reach, stage, fields }) => {
    it.each(bodies)("answers %s with %i VALIDATION and stays put", async (_, status, raw) => {
      await reach(browser);
      const error = apiError(await browser.postRaw(path, raw), status, "VALIDATION");
      if (raw === "{}") expect(Object.keys(error.fields ?? {}).sort()).toEqual(fields.sort());
      expect(authnState(await browser.get("/api/authn")).status).toBe(stage);
    });
  });

  it("does not count bad bodies toward lockout", async () => {
    await identify(browser, JANE.login);
    for (let i = 0; i < 5; i++)
      apiError(await browser.postRaw("/api/authn/password", "{"), 400, "VALIDATION");
    expect(authnState(await submitPassword(browser, JANE.password)).status).toBe("FACTOR");
  });
});
