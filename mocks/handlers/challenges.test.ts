import { beforeEach, describe, expect, it } from "vitest";
import { POLICY } from "../rules/policy";
import { newTotpSecret, TOTP_PERIOD_SECONDS } from "../rules/totp";
import { MockBackend } from "../testing/backend";
import { apiError, authnState, type Browser } from "../testing/client";
import {
  addOktaVerify,
  addPhone,
  challenge,
  factorId,
  JANE,
  SAM,
  signIn,
  signInToFactor,
  verifyCode,
  wrongTotp,
} from "../testing/steps";

// Security review (issue 12): a removed method stops working at once; a code reported as skewed
// never works later; sending limits hold per account and method, across sessions.

let backend: MockBackend;
beforeEach(() => {
  backend = new MockBackend();
});

const poll = (b: Browser, base = "/api/authn") => b.post(`${base}/poll`);
const me = (b: Browser) => b.get("/api/me");
const janesMethods = () =>
  backend.read((state) => state.users.find((u) => u.login === JANE.login)?.methods ?? []);
const janesLastUsed = () =>
  backend.read((state) => state.users.find((u) => u.login === JANE.login)?.lastUsed ?? null);

/** The newest push to a device: its id and the number the sign-in screen shows. */
async function sentPush(b: Browser, base = "/api/authn") {
  const state = authnState(await b.get(base));
  const message = await backend.latest("push", "Pixel 9");
  expect(message.push?.status).toBe("waiting");
  return { pushId: message.id, number: state.challenge?.pushNumber };
}

/**
 * Settings → Remove in a signed-in browser: "Verify it's you" (password and a new code from the
 * authenticator app, or from the app holding `verifyWith`), then remove.
 */
async function removeInSettings(
  b: Browser,
  methodId: string,
  verifyWith?: { methodId: string; key: string },
) {
  await backend.advance(TOTP_PERIOD_SECONDS); // a fresh code for the verification
  const started = authnState(
    await b.post("/api/step-up/start", {
      purpose: "change",
      change: { kind: "removeMethod", methodId },
    }),
  );
  expect(started.status).toBe("PASSWORD");
  const atFactor = authnState(await b.post("/api/step-up/password", { password: JANE.password }));
  const verified = await b.post("/api/step-up/verify", {
    methodId: verifyWith?.methodId ?? factorId(atFactor, "google_authenticator"),
    code: await backend.totp(verifyWith?.key ?? JANE.totpKey),
  });
  expect(authnState(verified).status).toBe("SUCCESS");
  const removed = await b.delete(`/api/account/methods/${methodId}`);
  expect(removed.status, removed.text).toBe(200);
}

describe("a removed method stops working at once", () => {
  const oktaVerifyKey = newTotpSecret();
  let oktaVerify: string;
  beforeEach(async () => {
    oktaVerify = await addOktaVerify(backend, JANE.login, oktaVerifyKey);
  });

  it("a push sent before Okta Verify was removed elsewhere, approved after, never signs in", async () => {
    const attacker = backend.browser("attacker with Jane's password");
    await signInToFactor(attacker, JANE);
    authnState(await challenge(attacker, oktaVerify, "push"));
    const { pushId, number } = await sentPush(attacker);

    const jane = backend.browser("Jane");
    await signIn(backend, jane, JANE);
    await removeInSettings(jane, oktaVerify);

    // The push on the device is canceled: approving it is refused, and the poll never succeeds.
    expect((await backend.decidePush(pushId, "approve", number)).status).toBe(409);
    expect((await backend.latest("push", "Pixel 9")).push?.status).toBe("canceled");
    apiError(await poll(attacker), 409, "WRONG_STEP");
    expect(authnState(await attacker.get("/api/authn"))).toMatchObject({
      status: "FACTOR",
      challenge: null,
    });
    apiError(await me(attacker), 401, "UNAUTHENTICATED");
  });

  it("a push pending for another session's \"Verify it's you\" is withdrawn too", async () => {
    const other = backend.browser("Jane's other browser");
    await signIn(backend, other, JANE);
    authnState(await other.post("/api/step-up/start", { purpose: "view" }));
    authnState(await other.post("/api/step-up/challenge", { methodId: oktaVerify, mode: "push" }));
    const { pushId, number } = await sentPush(other, "/api/step-up");

    await backend.advance(TOTP_PERIOD_SECONDS); // Jane's code above is spent
    const jane = backend.browser("Jane");
    await signIn(backend, jane, JANE);
    await removeInSettings(jane, oktaVerify);

    expect((await backend.decidePush(pushId, "approve", number)).status).toBe(409);
    apiError(await poll(other, "/api/step-up"), 409, "WRONG_STEP");
    apiError(await other.get("/api/account"), 403, "STEP_UP_REQUIRED");
  });

  it("an approved push for a method no longer enrolled never completes, nor becomes the last used", async () => {
    const attacker = backend.browser("attacker");
    await signInToFactor(attacker, JANE);
    authnState(await challenge(attacker, oktaVerify, "push"));
    const { pushId, number } = await sentPush(attacker);
    const lastUsedBefore = await janesLastUsed();
    // Gone from the account by any path, the push left waiting and approved: the poll still refuses.
    await backend.change((state) => {
      const user = state.users.find((u) => u.login === JANE.login);
      if (user) user.methods = user.methods.filter((m) => m.id !== oktaVerify);
    });
    expect((await backend.decidePush(pushId, "approve", number)).status).toBe(200);

    apiError(await poll(attacker), 409, "WRONG_STEP");
    apiError(await me(attacker), 401, "UNAUTHENTICATED");
    expect(await janesLastUsed()).toEqual(lastUsedBefore);
  });

  it("the last used method is forgotten when it is removed", async () => {
    const jane = backend.browser("Jane");
    await signIn(backend, jane, JANE);
    // Removed after verifying with itself: it was the last used method until then.
    await removeInSettings(jane, oktaVerify, { methodId: oktaVerify, key: oktaVerifyKey });
    const next = await signInToFactor(backend.browser(), JANE);
    expect(next.lastUsed).not.toMatchObject({ methodId: oktaVerify });
    expect((await janesLastUsed())?.methodId).not.toBe(oktaVerify);
  });

  it("a code sent to a removed phone never completes a sign-in", async () => {
    const attacker = backend.browser("attacker");
    const sms = factorId(await signInToFactor(attacker, JANE), "phone", "sms");
    authnState(await challenge(attacker, sms));
    const code = (await backend.latest("sms", JANE.phone)).code ?? "";

    const jane = backend.browser("Jane");
    await signIn(backend, jane, JANE);
    await removeInSettings(jane, sms);

    expect((await verifyCode(attacker, sms, code)).status).not.toBe(200);
    apiError(await me(attacker), 401, "UNAUTHENTICATED");
  });

  it("a code from a removed Google Authenticator never completes a sign-in", async () => {
    const authenticator = (await janesMethods()).find((m) => m.type === "google_authenticator");
    const jane = backend.browser("Jane");
    await signIn(backend, jane, JANE);
    await removeInSettings(jane, authenticator?.id ?? "");

    await backend.advance(TOTP_PERIOD_SECONDS);
    const attacker = backend.browser("attacker with the old key");
    await signInToFactor(attacker, JANE);
    const code = await backend.totp(JANE.totpKey);
    apiError(await verifyCode(attacker, authenticator?.id ?? "", code), 404, "NOT_FOUND");
    apiError(await me(attacker), 401, "UNAUTHENTICATED");
  });
});

describe("a code reported as skewed", () => {
  it("never works later, even from another sign-in, and counts toward lockout", async () => {
    const first = backend.browser();
    const authenticator = factorId(await signInToFactor(first, JANE), "google_authenticator");
    const fiveStepsAhead = await backend.totp(JANE.totpKey, 5 * TOTP_PERIOD_SECONDS);
    const skew = apiError(
      await verifyCode(first, authenticator, fiveStepsAhead),
      401,
      "CLOCK_SKEW",
    );
    expect(skew.skewSeconds).toBe(150);
    // Codes work again once that step is over: 6 steps from the start of this one (10 s in).
    expect(skew.retryAfterSeconds).toBe(6 * TOTP_PERIOD_SECONDS - 10);

    await backend.advance(5 * TOTP_PERIOD_SECONDS);
    expect(await backend.totp(JANE.totpKey)).toBe(fiveStepsAhead); // now the current code
    const later = backend.browser();
    await signInToFactor(later, JANE);
    apiError(await verifyCode(later, authenticator, fiveStepsAhead), 401, "CODE_ALREADY_USED");
    apiError(await me(later), 401, "UNAUTHENTICATED");

    // The skew was the 1st failure and the refused code the 2nd: two more, and the 5th locks.
    const wrong = wrongTotp(JANE.totpKey, await backend.now());
    apiError(await verifyCode(later, authenticator, wrong), 401, "INVALID_CODE");
    apiError(await verifyCode(later, authenticator, wrong), 401, "INVALID_CODE");
    apiError(await verifyCode(later, authenticator, wrong), 403, "ACCOUNT_LOCKED");
  });

  it("leaves the next step's code working once the phone's clock is fixed", async () => {
    const browser = backend.browser();
    const authenticator = factorId(await signInToFactor(browser, JANE), "google_authenticator");
    const ahead = await backend.totp(JANE.totpKey, 3 * TOTP_PERIOD_SECONDS);
    const skew = apiError(await verifyCode(browser, authenticator, ahead), 401, "CLOCK_SKEW");
    await backend.advance(skew.retryAfterSeconds ?? 0);
    const now = await backend.totp(JANE.totpKey);
    expect(authnState(await verifyCode(browser, authenticator, now)).status).toBe("SUCCESS");
  });
});

describe("sending limits hold per account and method, across sessions", () => {
  const janesMethodId = async (type: string) =>
    (await janesMethods()).find((m) => m.type === type)?.id ?? "";
  const kinds: { kind: string; add: () => Promise<string>; mode?: "push" }[] = [
    { kind: "SMS", add: () => janesMethodId("phone") },
    { kind: "voice", add: () => addPhone(backend, JANE.login, "+12025550199", "voice") },
    {
      kind: "push",
      add: () => addOktaVerify(backend, JANE.login, newTotpSecret()),
      mode: "push",
    },
  ];

  it.each(kinds)(
    "$kind: a second session within 30 s waits for the rest",
    async ({ add, mode }) => {
      const method = await add();
      const first = backend.browser("first session");
      const second = backend.browser("second session");
      await signInToFactor(first, JANE);
      await signInToFactor(second, JANE);
      authnState(await challenge(first, method, mode));
      const sent = (await backend.outbox()).length;

      await backend.advance(10);
      const limited = await challenge(second, method, mode);
      expect(apiError(limited, 429, "RATE_LIMITED").retryAfterSeconds).toBe(20);
      expect(limited.headers.get("Retry-After")).toBe("20");
      expect((await backend.outbox()).length).toBe(sent);

      await backend.advance(20);
      expect(authnState(await challenge(second, method, mode)).challenge?.methodId).toBe(method);
    },
  );

  it("a verification inside a signed-in session shares the limit with sign-ins", async () => {
    const sms = await janesMethodId("phone");
    const signedIn = backend.browser("signed in");
    await signIn(backend, signedIn, JANE);
    authnState(await signedIn.post("/api/step-up/start", { purpose: "view" }));
    authnState(await signedIn.post("/api/step-up/challenge", { methodId: sms }));

    const signingIn = backend.browser("signing in");
    await signInToFactor(signingIn, JANE);
    apiError(await challenge(signingIn, sms), 429, "RATE_LIMITED");
  });

  it(`caps sends at ${POLICY.sendsPerHour} an hour, whatever the sessions`, async () => {
    const sms = await janesMethodId("phone");
    for (let i = 0; i < POLICY.sendsPerHour; i++) {
      if (i > 0) await backend.advance(POLICY.resendAfterSeconds);
      const session = backend.browser(`session ${i}`);
      await signInToFactor(session, JANE);
      authnState(await challenge(session, sms));
    }
    await backend.advance(POLICY.resendAfterSeconds);
    const next = backend.browser("one more");
    await signInToFactor(next, JANE);
    const limited = apiError(await challenge(next, sms), 429, "RATE_LIMITED");
    // The first send leaves the hour after 3600 s; it was sent 10 × 30 s ago.
    expect(limited.retryAfterSeconds).toBe(3600 - POLICY.sendsPerHour * POLICY.resendAfterSeconds);

    await backend.advance(limited.retryAfterSeconds ?? 0);
    authnState(await challenge(next, sms));
  });

  it("another user, and another of Jane's methods, are not affected", async () => {
    const sms = await janesMethodId("phone");
    const voice = await addPhone(backend, JANE.login, "+12025550199", "voice");
    const samsPhone = await addPhone(backend, SAM.login, "+12025550188", "sms");
    const jane = backend.browser("Jane");
    const janeAgain = backend.browser("Jane again");
    await signInToFactor(jane, JANE);
    await signInToFactor(janeAgain, JANE);
    authnState(await challenge(jane, sms));
    apiError(await challenge(janeAgain, sms), 429, "RATE_LIMITED");

    authnState(await challenge(janeAgain, voice));
    const sam = backend.browser("Sam");
    await signInToFactor(sam, SAM);
    expect(authnState(await challenge(sam, samsPhone)).challenge?.kind).toBe("sms");
  });
});
