import { beforeEach, describe, expect, it, vi } from "vitest";
import { AccountState, type AccountChange } from "../../src/api/contracts/account";
import { EnrollmentState, RecoveryCodes, TotpEnrollment } from "../../src/api/contracts/enrollment";
import { RECOVERY_CODE_ALPHABET } from "../rules/recovery-codes";
import { MockBackend } from "../testing/backend";
import { apiError, authnState, type ApiResponse, type Browser } from "../testing/client";
import {
  factorId,
  identify,
  JANE,
  JOHN,
  signIn,
  signInToFactor,
  submitPassword,
  verifyItsYou,
  WRONG_PASSWORD,
} from "../testing/steps";

const GROUP = `[${RECOVERY_CODE_ALPHABET}]{4}`;
const CODE_FORMAT = new RegExp(`^${GROUP}-${GROUP}-${GROUP}-${GROUP}$`);
/** A well-formed code that no set holds: "2" is never followed by fifteen more in a random set. */
const NOT_A_CODE = "2222-2222-2222-2222";

let backend: MockBackend;
let browser: Browser;
beforeEach(() => {
  backend = new MockBackend();
  browser = backend.browser();
});

/** "Verify it's you" in this browser's session, with Jane's authenticator's next code. */
const verify = (b: Browser, purpose: "view" | AccountChange) =>
  verifyItsYou(backend, b, JANE, purpose);

const SET_UP: AccountChange = { kind: "setUp", method: "recovery_codes" };

function codesOf(response: ApiResponse): string[] {
  expect(response.status, response.text).toBe(200);
  return RecoveryCodes.parse(response.json).codes;
}

/** Jane, signed in in `b`, sets up (or regenerates) her recovery codes from Settings. */
async function janeGeneratesCodes(b: Browser = browser): Promise<string[]> {
  await verify(b, SET_UP);
  return codesOf(await b.post("/api/enroll/recovery-codes"));
}

/** Jane signed in with her authenticator, with a set of recovery codes. */
async function janeWithCodes(): Promise<string[]> {
  await signIn(backend, browser, JANE);
  return janeGeneratesCodes();
}

const janeRecord = () => backend.read((state) => state.users.find((u) => u.login === JANE.login));

/** A new browser at Jane's second-factor step. */
async function atFactor() {
  const b = backend.browser();
  const state = await signInToFactor(b, JANE);
  return { b, state };
}

const useCode = (b: Browser, code: string, base = "/api/authn") =>
  b.post(`${base}/recovery-code`, { code });

describe("generating recovery codes (SECURITY 30, 31)", () => {
  it("gives 10 different codes of 16 characters from the unambiguous alphabet, from the secure random source", async () => {
    await signIn(backend, browser, JANE);
    await verify(browser, SET_UP);
    const random = vi.spyOn(crypto, "getRandomValues");
    const codes = codesOf(await browser.post("/api/enroll/recovery-codes"));
    // One draw (at least) per character: every character comes from Web Crypto.
    expect(random.mock.calls.length).toBeGreaterThanOrEqual(10 * 16);
    random.mockRestore();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(CODE_FORMAT);
    // 31 symbols, 16 characters: about 79 bits each, above NIST's 64 for a factor.
    expect(16 * Math.log2(RECOVERY_CODE_ALPHABET.length)).toBeGreaterThan(64);
    expect(RECOVERY_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it("keeps only salted hashes, and never shows the codes again", async () => {
    const codes = await janeWithCodes();
    const stored = await janeRecord();
    expect(stored?.recoveryCodes?.codes).toHaveLength(10);
    for (const hash of stored?.recoveryCodes?.codes ?? [])
      expect(hash).toEqual({
        salt: expect.any(String),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    const database = JSON.stringify(await backend.read((state) => state));
    const later = [
      await browser.get("/api/account"),
      await browser.get("/api/enroll"),
      await browser.get("/api/step-up"),
      await browser.get("/__dev/outbox"),
    ];
    for (const code of codes) {
      expect(database).not.toContain(code.replaceAll("-", ""));
      for (const answer of later) expect(answer.text).not.toContain(code.replaceAll("-", ""));
    }
    const account = AccountState.parse(later[0]?.json);
    expect(account.recoveryCodesLeft).toBe(10);
    // Asking again without a new verification gives no codes (the verification is spent).
    apiError(await browser.post("/api/enroll/recovery-codes"), 403, "STEP_UP_REQUIRED");
  });

  it("needs the change verification made for them, not Settings' or another change's", async () => {
    await signIn(backend, browser, JANE);
    await verify(browser, "view");
    apiError(await browser.post("/api/enroll/recovery-codes"), 403, "STEP_UP_REQUIRED");
    await verify(browser, { kind: "setUp", method: "phone" });
    apiError(await browser.post("/api/enroll/recovery-codes"), 403, "STEP_UP_REQUIRED");
    expect((await janeRecord())?.recoveryCodes).toBeUndefined();
  });

  it("emails the user and records it in Recent Activity", async () => {
    await janeWithCodes();
    expect((await backend.latest("email", JANE.login)).subject).toBe(
      "FINRA TRAQS - Recovery codes generated",
    );
    const types = await backend.read((s) => s.activity.map((a) => a.type));
    expect(types).toContain("recovery_codes_generated");
  });

  it("are offered at activation once the required methods are set up", async () => {
    const invitation = await backend.latest("email", JOHN.login);
    const token = /^\/activate\/([\w-]+)$/.exec(invitation.link ?? "")?.[1] ?? "";
    expect((await browser.post("/api/enroll/activate", { token })).status).toBe(200);
    apiError(await browser.post("/api/enroll/recovery-codes"), 409, "ENROLLMENT_INCOMPLETE");
    expect(
      (await browser.post("/api/enroll/password", { password: "Harbor-Lights-2031" })).status,
    ).toBe(200);
    const question = { question: "What is the food you least liked as a child?", answer: "Kale" };
    expect((await browser.post("/api/enroll/security-question", question)).status).toBe(200);
    const { key } = TotpEnrollment.parse(
      (await browser.post("/api/enroll/google-authenticator")).json,
    );
    const code = await backend.totp(key);
    expect((await browser.post("/api/enroll/google-authenticator/verify", { code })).status).toBe(
      200,
    );
    expect(codesOf(await browser.post("/api/enroll/recovery-codes"))).toHaveLength(10);
    const state = EnrollmentState.parse((await browser.get("/api/enroll")).json);
    expect(state).toMatchObject({ context: "activation", canFinish: true, recoveryCodesLeft: 10 });
  });
});

describe("signing in with a recovery code (SECURITY 30, 31)", () => {
  it("signs in with a code typed without dashes, in lower case; it says how many are left", async () => {
    const codes = await janeWithCodes();
    const { b, state } = await atFactor();
    expect(state.recoveryCodesLeft).toBe(10);
    const typed = ` ${(codes[3] ?? "").replaceAll("-", "").toLowerCase()} `;
    const done = authnState(await useCode(b, typed));
    expect(done).toMatchObject({ status: "SUCCESS", recoveryCodesLeft: 9 });
    expect((await b.get("/api/me")).status).toBe(200);
    // The method offered first next time stays the authenticator.
    expect((await janeRecord())?.lastUsed?.methodId).toBe(factorId(state, "google_authenticator"));
  });

  it("accepts each code once", async () => {
    const [code = ""] = await janeWithCodes();
    const first = await atFactor();
    expect(authnState(await useCode(first.b, code)).status).toBe("SUCCESS");
    const second = await atFactor();
    apiError(await useCode(second.b, code), 401, "INVALID_CODE");
    apiError(await second.b.get("/api/me"), 401, "UNAUTHENTICATED");
  });

  it("emails the user on every use with the count left, and records it", async () => {
    const codes = await janeWithCodes();
    for (const [i, code] of codes.slice(0, 2).entries()) {
      const { b } = await atFactor();
      expect(authnState(await useCode(b, code)).status).toBe("SUCCESS");
      const email = await backend.latest("email", JANE.login);
      expect(email.subject).toBe("FINRA TRAQS - A recovery code was used");
      expect(email.text).toContain(`A recovery code was used; ${9 - i} left`);
    }
    const used = await backend.read((s) =>
      s.activity.filter((a) => a.type === "recovery_code_used"),
    );
    expect(used.map((a) => a.detail)).toEqual([
      "A recovery code was used; 9 left",
      "A recovery code was used; 8 left",
    ]);
  });

  it("counts down to none, and then no code is left to offer", async () => {
    const codes = await janeWithCodes();
    let left = -1;
    for (const code of codes) {
      const { b } = await atFactor();
      left = authnState(await useCode(b, code)).recoveryCodesLeft ?? -1;
    }
    expect(left).toBe(0);
    expect((await atFactor()).state.recoveryCodesLeft).toBe(0);
  });

  it("refuses a wrong code and counts it toward lockout like any other code", async () => {
    await janeWithCodes();
    const b = backend.browser();
    await identify(b, JANE.login);
    for (let i = 0; i < 3; i++)
      apiError(await submitPassword(b, WRONG_PASSWORD), 401, "INVALID_CREDENTIALS");
    expect(authnState(await submitPassword(b, JANE.password)).status).toBe("FACTOR");
    apiError(await useCode(b, NOT_A_CODE), 401, "INVALID_CODE");
    apiError(await useCode(b, NOT_A_CODE), 403, "ACCOUNT_LOCKED");
    expect((await backend.latest("email", JANE.login)).subject).toBe(
      "FINRA TRAQS - Account Locked",
    );
    const failed = await backend.read((s) => s.activity.filter((a) => a.type === "factor_failed"));
    expect(failed.map((a) => a.detail)).toEqual(["recovery_code", "recovery_code"]);
  });

  it("refuses a code before the password", async () => {
    const [code = ""] = await janeWithCodes();
    const b = backend.browser();
    await identify(b, JANE.login);
    apiError(await useCode(b, code), 409, "WRONG_STEP");
  });
});

describe("regenerating recovery codes (SECURITY 31)", () => {
  it("voids the old set: its unused codes no longer work, the new ones do", async () => {
    const old = await janeWithCodes();
    const fresh = await janeGeneratesCodes();
    expect(fresh.some((code) => old.includes(code))).toBe(false);
    const { b, state } = await atFactor();
    expect(state.recoveryCodesLeft).toBe(10);
    apiError(await useCode(b, old[0] ?? ""), 401, "INVALID_CODE");
    expect(authnState(await useCode(b, fresh[0] ?? "")).status).toBe("SUCCESS");
  });
});

describe('"Verify it\'s you" with a recovery code', () => {
  it("opens Settings and uses the code up; Settings shows the count", async () => {
    const codes = await janeWithCodes();
    const b = backend.browser();
    await backend.advance(30); // her authenticator's next code
    await signIn(backend, b, JANE);
    const started = authnState(await b.post("/api/step-up/start", { purpose: "view" }));
    expect(started.recoveryCodesLeft).toBe(10);
    const done = authnState(await useCode(b, codes[0] ?? "", "/api/step-up"));
    expect(done).toMatchObject({ status: "SUCCESS", recoveryCodesLeft: 9 });
    const account = AccountState.parse((await b.get("/api/account")).json);
    expect(account.recoveryCodesLeft).toBe(9);
  });
});

describe("the last-method rule", () => {
  it("does not count recovery codes: the last access method still cannot be removed", async () => {
    await janeWithCodes();
    const state = authnState(await browser.get("/api/authn"));
    const phone = factorId(state, "phone");
    await verify(browser, { kind: "removeMethod", methodId: phone });
    expect((await browser.delete(`/api/account/methods/${phone}`)).status).toBe(200);
    const google = factorId(state, "google_authenticator");
    apiError(await browser.delete(`/api/account/methods/${google}`), 409, "LAST_METHOD");
  });
});
