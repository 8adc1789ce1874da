import { beforeEach, describe, expect, it } from "vitest";
import type { AccountChange } from "../../src/api/contracts/account";
import { AccountState } from "../../src/api/contracts/account";
import { EnrollmentState, OktaVerifyEnrollment } from "../../src/api/contracts/enrollment";
import { MockBackend } from "../testing/backend";
import { apiError, type ApiResponse, type Browser } from "../testing/client";
import { addOktaVerify, JANE, signIn, verifyItsYou } from "../testing/steps";

/** A password none of Jane's rules or history refuses. */
const NEW_PASSWORD = "Harbor-Lights-2031";
const FOOD_QUESTION = "What is the food you least liked as a child?";

let backend: MockBackend;
let browser: Browser;
beforeEach(async () => {
  backend = new MockBackend();
  browser = backend.browser();
  await signIn(backend, browser, JANE);
});

/**
 * "Verify it's you" in Jane's session (by default the test's browser): for Settings ("view") with her authenticator, or for one
 * change with her password first, then her authenticator's next code.
 */
const verify = (purpose: "view" | AccountChange, b: Browser = browser) =>
  verifyItsYou(backend, b, JANE, purpose);

function account(response: ApiResponse): AccountState {
  expect(response.status, response.text).toBe(200);
  return AccountState.parse(response.json);
}

const janeRecord = () => backend.read((state) => state.users.find((u) => u.login === JANE.login));

/** Jane's record and everything sent so far: what a refused request must leave as it was. */
async function snapshot() {
  return { jane: await janeRecord(), outbox: await backend.outbox() };
}

describe("the set-up endpoints with only Settings' verification (SECURITY 3, 17)", () => {
  beforeEach(async () => {
    await verify("view");
    account(await browser.get("/api/account")); // Settings is open
  });

  it("refuse to replace the password: 403, nothing changed, no email", async () => {
    const before = await snapshot();
    apiError(
      await browser.post("/api/enroll/password", { password: NEW_PASSWORD }),
      403,
      "STEP_UP_REQUIRED",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("refuse to replace the security question: 403, nothing changed, no email", async () => {
    const before = await snapshot();
    apiError(
      await browser.post("/api/enroll/security-question", {
        question: FOOD_QUESTION,
        answer: "Kale",
      }),
      403,
      "STEP_UP_REQUIRED",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("refuse to start or finish a method's set-up, and send no code", async () => {
    const before = await snapshot();
    for (const [path, body] of [
      ["/api/enroll/google-authenticator", {}],
      ["/api/enroll/google-authenticator/verify", { code: "123456" }],
      ["/api/enroll/okta-verify", {}],
      ["/api/enroll/phone", { channel: "sms", e164: "+12025550199" }],
      ["/api/enroll/phone/verify", { code: "123456" }],
    ] as const) {
      apiError(await browser.post(path, body), 403, "STEP_UP_REQUIRED");
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("a set-up from Settings, after the change verification made for it", () => {
  it("sets up the security question once; the password never", async () => {
    await verify({ kind: "setUp", method: "security_question" });
    const before = await snapshot();
    apiError(
      await browser.post("/api/enroll/password", { password: NEW_PASSWORD }),
      403,
      "STEP_UP_REQUIRED",
    );
    expect(await snapshot()).toEqual(before);

    const answer = { question: FOOD_QUESTION, answer: "Kale" };
    const set = await browser.post("/api/enroll/security-question", answer);
    expect(set.status, set.text).toBe(200);
    expect(EnrollmentState.parse(set.json).securityQuestionSet).toBe(true);
    expect((await backend.latest("email", JANE.login)).subject).toBe(
      "FINRA TRAQS - Security method enrolled",
    );
    // The verification is spent: another question needs another one.
    apiError(await browser.post("/api/enroll/security-question", answer), 403, "STEP_UP_REQUIRED");
  });

  it("sets up the method it names and no other: Okta Verify, then no second one", async () => {
    await verify({ kind: "setUp", method: "okta_verify" });
    const before = await snapshot();
    apiError(
      await browser.post("/api/enroll/security-question", {
        question: FOOD_QUESTION,
        answer: "Kale",
      }),
      403,
      "STEP_UP_REQUIRED",
    );
    apiError(
      await browser.post("/api/enroll/phone", { channel: "sms", e164: "+12025550199" }),
      403,
      "STEP_UP_REQUIRED",
    );
    expect(await snapshot()).toEqual(before);

    const started = OktaVerifyEnrollment.parse(
      (await browser.post("/api/enroll/okta-verify")).json,
    );
    const phone = backend.browser("Okta Verify on the development phone");
    const scanned = await phone.post(`/__dev/okta-verify/${started.id}/confirm`);
    expect(scanned.status, scanned.text).toBe(200);
    const confirmed = await browser.post("/api/enroll/okta-verify");
    expect(OktaVerifyEnrollment.parse(confirmed.json).status).toBe("confirmed");
    expect(account(await browser.get("/api/account")).methods).toContainEqual(
      expect.objectContaining({ type: "okta_verify" }),
    );
    // "Set up another" asks again.
    apiError(await browser.post("/api/enroll/okta-verify"), 403, "STEP_UP_REQUIRED");
  });

  it("texts a number being set up at most once per 30 s for the account, across browsers (SECURITY 16)", async () => {
    const other = backend.browser("Jane's second browser");
    await backend.advance(30); // a code works once: the next one
    await signIn(backend, other, JANE);
    await verify({ kind: "setUp", method: "phone" });
    await verify({ kind: "setUp", method: "phone" }, other);
    const sent = await browser.post("/api/enroll/phone", { channel: "sms", e164: "+12025550199" });
    expect(sent.status, sent.text).toBe(200);
    const before = await backend.outbox();
    const refused = apiError(
      await other.post("/api/enroll/phone", { channel: "sms", e164: "+12025550199" }),
      429,
      "RATE_LIMITED",
    );
    expect(refused.retryAfterSeconds).toBe(30);
    expect(await backend.outbox()).toEqual(before);
    await backend.advance(30);
    const later = await other.post("/api/enroll/phone", { channel: "sms", e164: "+12025550199" });
    expect(later.status, later.text).toBe(200);
  });
});

describe("a change verification serves the change it was made for only (SECURITY 17)", () => {
  it("made to remove one method, it cannot reset the password nor remove another method", async () => {
    const oktaId = await addOktaVerify(backend, JANE.login, "KRSXG5CTMVRXEZLU");
    const phoneId = (await janeRecord())?.methods.find((m) => m.type === "phone")?.id ?? "";
    await verify({ kind: "removeMethod", methodId: phoneId });

    const before = await snapshot();
    apiError(
      await browser.post("/api/account/password", {
        password: NEW_PASSWORD,
        signOutOtherDevices: true,
      }),
      403,
      "STEP_UP_REQUIRED",
    );
    apiError(await browser.delete(`/api/account/methods/${oktaId}`), 403, "STEP_UP_REQUIRED");
    apiError(await browser.delete("/api/account/security-question"), 403, "STEP_UP_REQUIRED");
    expect(await snapshot()).toEqual(before);

    // Refused elsewhere, it still does what it was made for, once.
    const after = account(await browser.delete(`/api/account/methods/${phoneId}`));
    expect(after.methods.map((m) => m.id)).not.toContain(phoneId);
    expect(after.methods.map((m) => m.id)).toContain(oktaId);
  });

  it("made to reset the password, it cannot remove a method", async () => {
    await verify({ kind: "resetPassword" });
    const before = await snapshot();
    expect(before.jane?.methods).toHaveLength(2);
    for (const method of before.jane?.methods ?? []) {
      apiError(await browser.delete(`/api/account/methods/${method.id}`), 403, "STEP_UP_REQUIRED");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("must name its change: a change verification without one is refused at the start", async () => {
    apiError(await browser.post("/api/step-up/start", { purpose: "change" }), 400, "VALIDATION");
  });
});
