import { beforeEach, describe, expect, it } from "vitest";
import { OktaVerifyApp } from "../../src/api/contracts/dev";
import {
  EnrollmentState,
  OktaVerifyEnrollment,
  PhoneEnrollment,
  SecurityQuestions,
  TotpEnrollment,
} from "../../src/api/contracts/enrollment";
import { Me } from "../../src/api/contracts/me";
import type { PasswordRule } from "../../src/api/password-policy";
import { sha256 } from "../rules/crypto";
import { DAY } from "../rules/policy";
import { generateTotp } from "../rules/totp";
import { MockBackend } from "../testing/backend";
import { apiError, authnState, type ApiResponse, type Browser } from "../testing/client";
import {
  expectNoSecrets,
  factorId,
  identify,
  JOHN,
  JANE,
  otherCode,
  signIn,
  signInToFactor,
  submitPassword,
  verifyCode,
  wrongTotp,
} from "../testing/steps";

/** Passwords that break none of John's rules (none holds john, smith, yourfirm or org). */
const GOOD = "Harbor-Lights-2031";
const GOOD_2 = "Maple-Canyon-7788";
const GOOD_3 = "Velvet-Comet-5150";
const FOOD_QUESTION = "What is the food you least liked as a child?";
const STUFFED_ANIMAL_QUESTION = "What is the name of your first stuffed animal?";
const SMS_PHONE = "+12025550143";
const VOICE_PHONE = "+12025550199";
const SECONDS_PER_DAY = DAY / 1000;

let backend: MockBackend;
let browser: Browser;
beforeEach(() => {
  backend = new MockBackend();
  browser = backend.browser();
});

/** The set-up state of a 200 answer, checked against the contract. */
function enrollment(response: ApiResponse): EnrollmentState {
  expect(response.status, response.text).toBe(200);
  return EnrollmentState.parse(response.json);
}

/** The token of John's "Activate Okta Account" link, read from the invitation in the outbox. */
async function activationToken(): Promise<string> {
  const invitation = await backend.latest("email", JOHN.login);
  expect(invitation.subject).toBe("FINRA TRAQS - Welcome to Okta!");
  const token = /^\/activate\/([\w-]+)$/.exec(invitation.link ?? "")?.[1];
  if (!token) throw new Error(`No activation link in ${JSON.stringify(invitation)}`);
  return token;
}

const activate = (b: Browser, token: string) => b.post("/api/enroll/activate", { token });

/** John follows his invitation link in `b`: a set-up session starts. */
async function activateJohn(b: Browser = browser): Promise<EnrollmentState> {
  return enrollment(await activate(b, await activationToken()));
}

const getEnrollment = (b: Browser = browser) => b.get("/api/enroll");
const setPassword = (password: string, b: Browser = browser) =>
  b.post("/api/enroll/password", { password });
const setQuestion = (question: string, answer: string, b: Browser = browser) =>
  b.post("/api/enroll/security-question", { question, answer });
const startGoogleAuthenticator = (b: Browser = browser) =>
  b.post("/api/enroll/google-authenticator");
const verifyGoogleAuthenticator = (code: string, b: Browser = browser) =>
  b.post("/api/enroll/google-authenticator/verify", { code });
const startOktaVerify = (b: Browser = browser) => b.post("/api/enroll/okta-verify");
const enrollPhone = (
  body: { channel: "sms" | "voice"; e164: string; extension?: string },
  b: Browser = browser,
) => b.post("/api/enroll/phone", body);
const resendPhoneCode = (b: Browser = browser) => b.post("/api/enroll/phone/resend");
const verifyPhone = (code: string, b: Browser = browser) =>
  b.post("/api/enroll/phone/verify", { code });
const finish = (b: Browser = browser) => b.post("/api/enroll/finish");
const devPhone = () => backend.browser("Okta Verify on the development phone");

/** John's record in the database (a copy). */
const john = () =>
  backend.read((state) => {
    const user = state.users.find((u) => u.login === JOHN.login);
    if (!user) throw new Error("John is not in the database");
    return user;
  });

function totpEnrollment(response: ApiResponse): TotpEnrollment {
  expect(response.status, response.text).toBe(200);
  return TotpEnrollment.parse(response.json);
}

function oktaVerifyEnrollment(response: ApiResponse): OktaVerifyEnrollment {
  expect(response.status, response.text).toBe(200);
  return OktaVerifyEnrollment.parse(response.json);
}

function phoneEnrollment(response: ApiResponse): PhoneEnrollment {
  expect(response.status, response.text).toBe(200);
  return PhoneEnrollment.parse(response.json);
}

/** What the development phone's Okta Verify app shows now. */
async function oktaVerifyApp(): Promise<OktaVerifyApp> {
  const response = await devPhone().get("/__dev/okta-verify");
  expect(response.status, response.text).toBe(200);
  return OktaVerifyApp.parse(response.json);
}

/** Texts a code to the number and returns the code from the outbox. */
async function smsCode(e164: string, b: Browser = browser): Promise<string> {
  phoneEnrollment(await enrollPhone({ channel: "sms", e164 }, b));
  return (await backend.latest("sms", e164)).code ?? "";
}

/** Sets up a phone by SMS in `b`; returns the state after. */
async function enrollSmsPhone(e164 = SMS_PHONE, b: Browser = browser) {
  return enrollment(await verifyPhone(await smsCode(e164, b), b));
}

/** Sets up Google Authenticator in `b`; returns the key and the code that proved it. */
async function enrollGoogleAuthenticator(b: Browser = browser) {
  const { key } = totpEnrollment(await startGoogleAuthenticator(b));
  const code = await backend.totp(key);
  const state = enrollment(await verifyGoogleAuthenticator(code, b));
  return { key, code, state };
}

describe("POST /api/enroll/activate", () => {
  it("starts a set-up session for John with a new cookie, and records the activation", async () => {
    expect(browser.sessionId).toBeUndefined();
    const state = await activateJohn();
    // toMatchObject: the contract may grow fields that are not this test's concern.
    expect(state).toMatchObject({
      username: JOHN.login,
      firstName: "John",
      lastName: "Smith",
      passwordSet: false,
      securityQuestionSet: false,
      methods: [],
      canFinish: false,
    });
    expect(browser.sessionId).toBeTruthy();
    expect(enrollment(await getEnrollment())).toEqual(state);
    const johnId = (await john()).id;
    expect(
      await backend.read((s) =>
        s.activity.filter((a) => a.userId === johnId && a.type === "account_activated"),
      ),
    ).toHaveLength(1);
  });

  it("works once: the second use answers 410 ACTIVATION_USED and starts nothing", async () => {
    const token = await activationToken();
    enrollment(await activate(browser, token));
    const other = backend.browser("another browser");
    apiError(await activate(other, token), 410, "ACTIVATION_USED");
    expect(other.sessionId).toBeUndefined();
    apiError(await getEnrollment(other), 401, "UNAUTHENTICATED");
    // The first set-up goes on.
    expect(enrollment(await getEnrollment()).username).toBe(JOHN.login);
  });

  it("answers 404 ACTIVATION_INVALID to a token that no invitation holds", async () => {
    const token = await activationToken();
    const wrong = (token.startsWith("A") ? "B" : "A") + token.slice(1);
    apiError(await activate(browser, wrong), 404, "ACTIVATION_INVALID");
    apiError(await activate(browser, "not-a-token"), 404, "ACTIVATION_INVALID");
    expect(browser.sessionId).toBeUndefined();
    // The real token was not used up by the refusals.
    expect((await activateJohn()).username).toBe(JOHN.login);
  });

  it("still works just before 30 days", async () => {
    await backend.advance(30 * SECONDS_PER_DAY - 60);
    expect((await activateJohn()).username).toBe(JOHN.login);
  });

  it("answers 410 ACTIVATION_EXPIRED after 30 days", async () => {
    const token = await activationToken();
    await backend.advance(30 * SECONDS_PER_DAY + 1);
    apiError(await activate(browser, token), 410, "ACTIVATION_EXPIRED");
    expect(browser.sessionId).toBeUndefined();
    expect((await john()).activation?.usedAt).toBeNull();
  });

  it("answers 400 VALIDATION to a request without a token", async () => {
    const error = apiError(await browser.post("/api/enroll/activate", {}), 400, "VALIDATION");
    expect(Object.keys(error.fields ?? {})).toEqual(["token"]);
  });
});

describe("a link left over on an account that is already active", () => {
  it("is refused, and signs no one in", async () => {
    await activateJohn();
    enrollment(await setPassword(GOOD));
    // A link that was never used (as one resent while the first was in use could be).
    const leftOver = "left-over-activation-link";
    const tokenHash = await sha256(leftOver);
    await backend.change((state) => {
      const user = state.users.find((u) => u.login === JOHN.login);
      if (user) user.activation = { tokenHash, usedAt: null, expiresAt: Date.UTC(2030, 0, 1) };
    });
    const stranger = backend.browser("stranger");
    apiError(await activate(stranger, leftOver), 410, "ACTIVATION_USED");
    apiError(await getEnrollment(stranger), 401, "UNAUTHENTICATED");
  });
});

describe("GET /api/enroll needs a set-up session", () => {
  it("answers 401 without a session", async () => {
    apiError(await getEnrollment(), 401, "UNAUTHENTICATED");
    apiError(await browser.get("/api/enroll/security-questions"), 401, "UNAUTHENTICATED");
    apiError(await setPassword(GOOD), 401, "UNAUTHENTICATED");
  });

  it("answers 401 to a sign-in at its password or second-factor step", async () => {
    await identify(browser, JOHN.login);
    apiError(await getEnrollment(), 401, "UNAUTHENTICATED");

    // Jane's password alone does not open the set-up: she has her methods to verify with.
    const jane = backend.browser();
    await signInToFactor(jane, JANE);
    apiError(await getEnrollment(jane), 401, "UNAUTHENTICATED");
    apiError(await startGoogleAuthenticator(jane), 401, "UNAUTHENTICATED");
    apiError(
      await enrollPhone({ channel: "sms", e164: VOICE_PHONE }, jane),
      401,
      "UNAUTHENTICATED",
    );
  });

  it("does not let a signed-in session add a method without verifying again", async () => {
    const jane = backend.browser();
    await signIn(backend, jane, JANE);
    const janeMethods = () =>
      backend.read((state) => state.users.find((u) => u.login === JANE.login)?.methods.length);
    const before = await janeMethods();

    const response = await enrollPhone({ channel: "sms", e164: VOICE_PHONE }, jane);
    expect([401, 403], response.text).toContain(response.status);
    expect((await backend.outbox()).filter((m) => m.channel === "sms")).toEqual([]);
    expect(await janeMethods()).toBe(before);
  });
});

describe("POST /api/enroll/password", () => {
  beforeEach(async () => {
    await activateJohn();
  });

  const refusals: [PasswordRule, string, PasswordRule[]][] = [
    ["minLength", "Blue-Sky-4a", ["minLength"]],
    ["lowercase", "BLUE-SKY-4242", ["lowercase"]],
    ["uppercase", "blue-sky-4242", ["uppercase"]],
    ["number", "Blue-Sky-Fortytwo", ["number"]],
    ["noUsernameParts", "Yourfirm-Sky-42", ["noUsernameParts"]],
    // "john" and "smith" are parts of John's username too.
    ["noFirstName", "Blue-John-Sky-42", ["noUsernameParts", "noFirstName"]],
    ["noLastName", "Blue-Smith-Sky-42", ["noUsernameParts", "noLastName"]],
    ["notCommon", "Password1234", ["notCommon"]],
  ];

  it.each(refusals)(
    "refuses a password that breaks %s with 400 PASSWORD_POLICY naming it",
    async (_rule, password, rules) => {
      const error = apiError(await setPassword(password), 400, "PASSWORD_POLICY");
      expect(error.rules).toEqual(rules);
      expect(enrollment(await getEnrollment()).passwordSet).toBe(false);
      expect((await john()).status).toBe("STAGED");
    },
  );

  it("checks the first and last names themselves, not only the username", async () => {
    await backend.change((state) => {
      const user = state.users.find((u) => u.login === JOHN.login);
      if (user) Object.assign(user, { firstName: "Aurelio", lastName: "Quintana" });
    });
    expect(apiError(await setPassword("Aurelio-Sky-42"), 400, "PASSWORD_POLICY").rules).toEqual([
      "noFirstName",
    ]);
    expect(apiError(await setPassword("QUINTANA-sky-42"), 400, "PASSWORD_POLICY").rules).toEqual([
      "noLastName",
    ]);
  });

  it("names every rule a password breaks", async () => {
    const error = apiError(await setPassword("john"), 400, "PASSWORD_POLICY");
    expect(error.rules).toEqual([
      "minLength",
      "uppercase",
      "number",
      "noUsernameParts",
      "noFirstName",
    ]);
  });

  it("accepts a good password: John is active and is emailed about it", async () => {
    expect((await john()).status).toBe("STAGED");
    const state = enrollment(await setPassword(GOOD));
    expect(state).toMatchObject({
      passwordSet: true,
      securityQuestionSet: false,
      canFinish: false,
    });
    expect(enrollment(await getEnrollment()).passwordSet).toBe(true);

    const user = await john();
    expect(user.status).toBe("ACTIVE");
    expect(user.password).toBeDefined();
    expect(JSON.stringify(user)).not.toContain(GOOD);

    const email = await backend.latest("email", JOHN.login);
    expect(email.subject).toBe("FINRA TRAQS - Password set");
    expect(email.text).toContain("Report Suspicious Activity");
    expect(email.text).toContain("Performed by: John Smith");
    expect(email.link).toMatch(/^\/report-suspicious-activity(\/[\w-]+)?$/);
    expectNoSecrets(browser, [GOOD]);
  });

  it("refuses a second password at once (minimum age), and takes it a day later", async () => {
    enrollment(await setPassword(GOOD));
    expect(apiError(await setPassword(GOOD_2), 400, "PASSWORD_POLICY").rules).toEqual(["minAge"]);

    // The set-up session has long ended a day later: John signs in with his password.
    await backend.advance(SECONDS_PER_DAY + 60);
    const later = backend.browser();
    await identify(later, JOHN.login);
    expect(authnState(await submitPassword(later, GOOD)).status).toBe("ENROLL");
    expect(enrollment(await setPassword(GOOD_2, later)).passwordSet).toBe(true);
  });

  it("refuses one of the last passwords (history), even when the minimum age has passed", async () => {
    enrollment(await setPassword(GOOD));

    /** Two days on, John signs in again with his current password. */
    const twoDaysLater = async (current: string) => {
      await backend.advance(2 * SECONDS_PER_DAY);
      const b = backend.browser();
      await identify(b, JOHN.login);
      expect(authnState(await submitPassword(b, current)).status).toBe("ENROLL");
      return b;
    };

    let later = await twoDaysLater(GOOD);
    enrollment(await setPassword(GOOD_2, later));
    expect(apiError(await setPassword(GOOD, later), 400, "PASSWORD_POLICY").rules).toEqual(
      expect.arrayContaining(["history"]),
    );

    later = await twoDaysLater(GOOD_2);
    expect(apiError(await setPassword(GOOD, later), 400, "PASSWORD_POLICY").rules).toEqual([
      "history",
    ]);
    expect(apiError(await setPassword(GOOD_2, later), 400, "PASSWORD_POLICY").rules).toEqual([
      "history",
    ]);
    expect(enrollment(await setPassword(GOOD_3, later)).passwordSet).toBe(true);
  });
});

describe("security question", () => {
  beforeEach(async () => {
    await activateJohn();
  });

  it("offers at least 5 questions, the guide's two among them", async () => {
    const response = await browser.get("/api/enroll/security-questions");
    expect(response.status, response.text).toBe(200);
    const { questions } = SecurityQuestions.parse(response.json);
    expect(questions.length).toBeGreaterThanOrEqual(5);
    expect(questions).toContain(FOOD_QUESTION);
    expect(questions).toContain(STUFFED_ANIMAL_QUESTION);
  });

  it("refuses an answer under 3 characters (spaces aside) with 400 VALIDATION", async () => {
    for (const answer of ["ab", "  ab  "]) {
      const error = apiError(await setQuestion(FOOD_QUESTION, answer), 400, "VALIDATION");
      expect(error.fields).toEqual({ answer: "validation.answerTooShort" });
    }
    expect(enrollment(await getEnrollment()).securityQuestionSet).toBe(false);
  });

  it("refuses an answer that is part of the question, whatever its case", async () => {
    for (const answer of ["food", "LEAST LIKED", "Child"]) {
      const error = apiError(await setQuestion(FOOD_QUESTION, answer), 400, "VALIDATION");
      expect(error.fields).toEqual({ answer: "validation.answerInQuestion" });
    }
    expect(enrollment(await getEnrollment()).securityQuestionSet).toBe(false);
    expect((await john()).securityQuestion).toBeUndefined();
  });

  it("keeps a good answer hashed, and emails John", async () => {
    const state = enrollment(await setQuestion(FOOD_QUESTION, "Broccoli"));
    expect(state.securityQuestionSet).toBe(true);
    const stored = (await john()).securityQuestion;
    expect(stored?.question).toBe(FOOD_QUESTION);
    expect(stored?.answer.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toMatch(/broccoli/i);

    const email = await backend.latest("email", JOHN.login);
    expect(email.subject).toBe("FINRA TRAQS - Security method enrolled");
    expect(email.text).toContain("Security Question");
    expect(email.text).toContain("Report Suspicious Activity");
  });
});

describe("Google Authenticator", () => {
  beforeEach(async () => {
    await activateJohn();
  });

  it("gives a 32-character base32 key and its otpauth URI, the same key until the set-up ends", async () => {
    const first = totpEnrollment(await startGoogleAuthenticator());
    expect(first.key).toMatch(/^[A-Z2-7]{32}$/);
    expect(first.uri.startsWith("otpauth://totp/FINRA%20TRAQS:john.smith%40yourfirm.org?")).toBe(
      true,
    );
    const params = new URL(first.uri).searchParams;
    expect(Object.fromEntries(params)).toEqual({
      secret: first.key,
      issuer: "FINRA TRAQS",
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });

    const second = totpEnrollment(await startGoogleAuthenticator());
    expect(second).toEqual(first);

    const wrong = wrongTotp(first.key, await backend.now());
    apiError(await verifyGoogleAuthenticator(wrong), 401, "INVALID_CODE");
    expect(totpEnrollment(await startGoogleAuthenticator()).key).toBe(first.key);
  });

  it("gives a new key to a new set-up", async () => {
    enrollment(await setPassword(GOOD));
    const first = totpEnrollment(await startGoogleAuthenticator());
    const later = backend.browser("later");
    await identify(later, JOHN.login);
    expect(authnState(await submitPassword(later, GOOD)).status).toBe("ENROLL");
    const second = totpEnrollment(await startGoogleAuthenticator(later));
    expect(second.key).toMatch(/^[A-Z2-7]{32}$/);
    expect(second.key).not.toBe(first.key);
  });

  it("refuses a wrong code with 401 INVALID_CODE, and enrolls nothing", async () => {
    const { key } = totpEnrollment(await startGoogleAuthenticator());
    apiError(
      await verifyGoogleAuthenticator(wrongTotp(key, await backend.now())),
      401,
      "INVALID_CODE",
    );
    expect(enrollment(await getEnrollment()).methods).toEqual([]);
  });

  it("tells a phone whose clock is 5 minutes ahead that its clock is off", async () => {
    const { key } = totpEnrollment(await startGoogleAuthenticator());
    const ahead = await backend.totp(key, 5 * 60);
    const error = apiError(await verifyGoogleAuthenticator(ahead), 401, "CLOCK_SKEW");
    expect(error.skewSeconds).toBeGreaterThanOrEqual(270);
    expect(error.skewSeconds).toBeLessThanOrEqual(330);
    expect(enrollment(await getEnrollment()).methods).toEqual([]);
  });

  it("answers 409 WRONG_STEP to a code before the key was asked for", async () => {
    apiError(await verifyGoogleAuthenticator("123456"), 409, "WRONG_STEP");
  });

  it("enrolls with the right code; then refuses a second set-up with 409 ALREADY_ENROLLED", async () => {
    const { key, state } = await enrollGoogleAuthenticator();
    expect(state.methods).toEqual([{ id: expect.any(String), type: "google_authenticator" }]);
    const stored = (await john()).methods;
    expect(stored).toEqual([
      expect.objectContaining({ type: "google_authenticator", secret: key }),
    ]);

    apiError(await startGoogleAuthenticator(), 409, "ALREADY_ENROLLED");
    const email = await backend.latest("email", JOHN.login);
    expect(email.subject).toBe("FINRA TRAQS - Security method enrolled");
    expect(email.text).toContain("Google Authenticator");
  });

  it("refuses the code that proved the set-up for a sign-in in the same 30 s (replay)", async () => {
    enrollment(await setPassword(GOOD));
    enrollment(await setQuestion(FOOD_QUESTION, "Broccoli"));
    const { key, code } = await enrollGoogleAuthenticator();

    const account = { login: JOHN.login, password: GOOD };
    const signingIn = backend.browser();
    const atFactor = await signInToFactor(signingIn, account);
    const authenticator = factorId(atFactor, "google_authenticator");
    apiError(await verifyCode(signingIn, authenticator, code), 401, "CODE_ALREADY_USED");

    await backend.advance(30);
    const next = await backend.totp(key);
    expect(next).not.toBe(code);
    expect(authnState(await verifyCode(signingIn, authenticator, next)).status).toBe("SUCCESS");
  });
});

describe("Okta Verify", () => {
  beforeEach(async () => {
    await activateJohn();
  });

  it("waits for the phone to scan, then is confirmed and listed with its device name", async () => {
    const started = oktaVerifyEnrollment(await startOktaVerify());
    expect(started.status).toBe("waiting");
    expect(started.qrUri.startsWith("oktaverify://enroll?")).toBe(true);
    expect(Object.fromEntries(new URL(started.qrUri).searchParams)).toEqual({
      id: started.id,
      issuer: "FINRA TRAQS",
      account: JOHN.login,
    });

    // Asking again while waiting resumes the same set-up.
    expect(oktaVerifyEnrollment(await startOktaVerify())).toEqual(started);

    const app = await oktaVerifyApp();
    expect(app.setups).toEqual([
      { id: started.id, username: JOHN.login, expiresAt: expect.any(String) },
    ]);
    expect(app.devices.filter((d) => d.username === JOHN.login)).toEqual([]);

    const confirmed = await devPhone().post(`/__dev/okta-verify/${started.id}/confirm`);
    expect(confirmed.status, confirmed.text).toBe(200);

    const answer = oktaVerifyEnrollment(await startOktaVerify());
    expect(answer).toMatchObject({ id: started.id, status: "confirmed" });
    const state = enrollment(await getEnrollment());
    expect(state.methods).toEqual([
      { id: expect.any(String), type: "okta_verify", deviceName: "John's phone" },
    ]);
    expect((await oktaVerifyApp()).setups).toEqual([]);

    const email = await backend.latest("email", JOHN.login);
    expect(email.subject).toBe("FINRA TRAQS - Security method enrolled");
    expect(email.text).toContain("Okta Verify (John's phone)");

    // The secret never reached the browser.
    const [method] = (await john()).methods;
    if (method?.type !== "okta_verify") throw new Error("Okta Verify was not stored");
    expectNoSecrets(browser, [method.secret]);
  });

  it("shows the device's current code, and that code signs John in", async () => {
    enrollment(await setPassword(GOOD));
    enrollment(await setQuestion(STUFFED_ANIMAL_QUESTION, "Teddy"));
    const { id } = oktaVerifyEnrollment(await startOktaVerify());
    const confirm = await devPhone().post(`/__dev/okta-verify/${id}/confirm`, {
      deviceName: "Pixel 9",
    });
    expect(confirm.status, confirm.text).toBe(200);
    expect(oktaVerifyEnrollment(await startOktaVerify()).status).toBe("confirmed");
    expect(enrollment(await getEnrollment()).methods).toEqual([
      { id: expect.any(String), type: "okta_verify", deviceName: "Pixel 9" },
    ]);

    const method = (await john()).methods.find((m) => m.type === "okta_verify");
    if (method?.type !== "okta_verify") throw new Error("Okta Verify was not stored");
    const device = (await oktaVerifyApp()).devices.find((d) => d.username === JOHN.login);
    expect(device).toEqual({
      methodId: method.id,
      deviceName: "Pixel 9",
      username: JOHN.login,
      code: expect.stringMatching(/^\d{6}$/),
    });
    expect(device?.code).toBe(generateTotp(method.secret, await backend.now()));

    const signingIn = backend.browser();
    const atFactor = await signInToFactor(signingIn, { login: JOHN.login, password: GOOD });
    const state = authnState(
      await verifyCode(signingIn, factorId(atFactor, "okta_verify"), device?.code ?? ""),
    );
    expect(state.status).toBe("SUCCESS");
  });

  it("lets a second device be set up after the first", async () => {
    const first = oktaVerifyEnrollment(await startOktaVerify());
    await devPhone().post(`/__dev/okta-verify/${first.id}/confirm`);
    expect(oktaVerifyEnrollment(await startOktaVerify()).status).toBe("confirmed");

    const second = oktaVerifyEnrollment(await startOktaVerify());
    expect(second.status).toBe("waiting");
    expect(second.id).not.toBe(first.id);
    await devPhone().post(`/__dev/okta-verify/${second.id}/confirm`);
    expect(oktaVerifyEnrollment(await startOktaVerify()).status).toBe("confirmed");
    expect(enrollment(await getEnrollment()).methods.map((m) => m.deviceName)).toEqual([
      "John's phone",
      "John's phone 2",
    ]);
  });

  it("gives up a set-up not scanned within 10 minutes", async () => {
    const started = oktaVerifyEnrollment(await startOktaVerify());
    await backend.advance(10 * 60 + 1);
    expect((await oktaVerifyApp()).setups).toEqual([]);
    const late = await devPhone().post(`/__dev/okta-verify/${started.id}/confirm`);
    apiError(late, 404, "NOT_FOUND");
    expect(enrollment(await getEnrollment()).methods).toEqual([]);

    const again = oktaVerifyEnrollment(await startOktaVerify());
    expect(again.status).toBe("waiting");
    expect(again.id).not.toBe(started.id);
  });
});

describe("phone", () => {
  beforeEach(async () => {
    await activateJohn();
  });

  it("refuses a number that does not exist (INVALID_PHONE) or is not E.164 (VALIDATION)", async () => {
    apiError(await enrollPhone({ channel: "sms", e164: "+11234567890" }), 400, "INVALID_PHONE");
    apiError(await enrollPhone({ channel: "sms", e164: "+19999999999" }), 400, "INVALID_PHONE");
    const error = apiError(
      await enrollPhone({ channel: "sms", e164: "202-555-0143" }),
      400,
      "VALIDATION",
    );
    expect(Object.keys(error.fields ?? {})).toEqual(["e164"]);
    expect((await backend.outbox()).filter((m) => m.channel !== "email")).toEqual([]);
  });

  it("texts a 6-digit code to the number; the code sets up the phone", async () => {
    const sent = phoneEnrollment(await enrollPhone({ channel: "sms", e164: SMS_PHONE }));
    expect(sent).toMatchObject({ channel: "sms", maskedPhone: "+1 XXX-XXX-0143" });
    expect(Date.parse(sent.resendAt) - Date.parse(sent.sentAt)).toBe(30_000);
    expect(Date.parse(sent.expiresAt) - Date.parse(sent.sentAt)).toBe(5 * 60_000);
    expect(phoneEnrollment(await browser.get("/api/enroll/phone"))).toEqual(sent);

    const sms = await backend.latest("sms", SMS_PHONE);
    expect(sms.to).toBe(SMS_PHONE);
    expect(sms.code).toMatch(/^\d{6}$/);
    expect(sms.text).toContain(sms.code);

    const state = enrollment(await verifyPhone(sms.code ?? ""));
    expect(state.methods).toEqual([
      { id: expect.any(String), type: "phone", maskedPhone: "+1 XXX-XXX-0143", channel: "sms" },
    ]);
    expect((await john()).methods).toEqual([
      expect.objectContaining({ type: "phone", channel: "sms", e164: SMS_PHONE }),
    ]);
    // The code works once: the set-up is over.
    apiError(await verifyPhone(sms.code ?? ""), 409, "WRONG_STEP");
    apiError(await browser.get("/api/enroll/phone"), 404, "NOT_FOUND");

    const email = await backend.latest("email", JOHN.login);
    expect(email.subject).toBe("FINRA TRAQS - Security method enrolled");
    expect(email.text).toContain("Phone (SMS) +1 XXX-XXX-0143");
    expectNoSecrets(browser, [sms.code ?? "", "2025550143"]);
  });

  it("calls with a 5-digit code at the number and its extension", async () => {
    const sent = phoneEnrollment(
      await enrollPhone({ channel: "voice", e164: VOICE_PHONE, extension: "42" }),
    );
    expect(sent).toMatchObject({ channel: "voice", maskedPhone: "+1 XXX-XXX-0199" });
    const call = await backend.latest("voice", VOICE_PHONE);
    expect(call.to).toBe(`${VOICE_PHONE} ext. 42`);
    expect(call.code).toMatch(/^\d{5}$/);

    const state = enrollment(await verifyPhone(call.code ?? ""));
    expect(state.methods).toEqual([
      { id: expect.any(String), type: "phone", maskedPhone: "+1 XXX-XXX-0199", channel: "voice" },
    ]);
    expect((await john()).methods).toEqual([
      expect.objectContaining({ channel: "voice", e164: VOICE_PHONE, extension: "42" }),
    ]);
  });

  it("does not text an extension", async () => {
    phoneEnrollment(await enrollPhone({ channel: "sms", e164: SMS_PHONE, extension: "42" }));
    expect((await backend.latest("sms", SMS_PHONE)).to).toBe(SMS_PHONE);
  });

  it("does not send again within 30 s (429 RATE_LIMITED); after, sends a new code", async () => {
    const first = await smsCode(SMS_PHONE);
    const smsCount = async () => (await backend.outbox()).filter((m) => m.channel === "sms").length;

    await backend.advance(10);
    const limited = apiError(await resendPhoneCode(), 429, "RATE_LIMITED");
    expect(limited.retryAfterSeconds).toBe(20);
    apiError(await enrollPhone({ channel: "sms", e164: SMS_PHONE }), 429, "RATE_LIMITED");
    expect(await smsCount()).toBe(1);

    await backend.advance(20);
    const resent = phoneEnrollment(await resendPhoneCode());
    expect(Date.parse(resent.sentAt)).toBe(await backend.now());
    expect(await smsCount()).toBe(2);
    const second = await backend.latest("sms", SMS_PHONE);
    expect(second.code).toMatch(/^\d{6}$/);

    // Only the newest code counts.
    apiError(
      await verifyPhone(first === second.code ? otherCode(first) : first),
      401,
      "INVALID_CODE",
    );
    expect(enrollment(await verifyPhone(second.code ?? "")).methods).toHaveLength(1);
  });

  it("refuses a wrong code with 401 INVALID_CODE", async () => {
    const code = await smsCode(SMS_PHONE);
    apiError(await verifyPhone(otherCode(code)), 401, "INVALID_CODE");
    expect(enrollment(await getEnrollment()).methods).toEqual([]);
    // The right code still works after a wrong one.
    expect(enrollment(await verifyPhone(code)).methods).toHaveLength(1);
  });

  it("refuses a code after 6 minutes with 401 CODE_EXPIRED", async () => {
    const code = await smsCode(SMS_PHONE);
    await backend.advance(6 * 60);
    apiError(await verifyPhone(code), 401, "CODE_EXPIRED");
    expect(enrollment(await getEnrollment()).methods).toEqual([]);
  });

  it("takes a code just before 5 minutes", async () => {
    const code = await smsCode(SMS_PHONE);
    await backend.advance(5 * 60 - 1);
    expect(enrollment(await verifyPhone(code)).methods).toHaveLength(1);
  });

  it("takes a code only in the set-up that asked for it", async () => {
    enrollment(await setPassword(GOOD));
    const code = await smsCode(SMS_PHONE);
    const other = backend.browser("another set-up");
    await identify(other, JOHN.login);
    apiError(await verifyPhone(code, other), 401, "UNAUTHENTICATED");
    expect(authnState(await submitPassword(other, GOOD)).status).toBe("ENROLL");
    apiError(await verifyPhone(code, other), 409, "WRONG_STEP");
    expect(enrollment(await getEnrollment(other)).methods).toEqual([]);
    expect(enrollment(await verifyPhone(code)).methods).toHaveLength(1);
  });

  it("sets up two phones", async () => {
    await enrollSmsPhone(SMS_PHONE);
    phoneEnrollment(await enrollPhone({ channel: "voice", e164: VOICE_PHONE }));
    const call = await backend.latest("voice", VOICE_PHONE);
    const state = enrollment(await verifyPhone(call.code ?? ""));
    expect(state.methods).toEqual([
      { id: expect.any(String), type: "phone", maskedPhone: "+1 XXX-XXX-0143", channel: "sms" },
      { id: expect.any(String), type: "phone", maskedPhone: "+1 XXX-XXX-0199", channel: "voice" },
    ]);
    expect(new Set(state.methods.map((m) => m.id)).size).toBe(2);
  });
});

describe("POST /api/enroll/finish", () => {
  const steps = {
    password: async () => void enrollment(await setPassword(GOOD)),
    question: async () => void enrollment(await setQuestion(FOOD_QUESTION, "Broccoli")),
    method: async () => void (await enrollSmsPhone()),
  };

  it.each(Object.keys(steps) as (keyof typeof steps)[])(
    "answers 409 ENROLLMENT_INCOMPLETE without the %s",
    async (missing) => {
      await activateJohn();
      apiError(await finish(), 409, "ENROLLMENT_INCOMPLETE");
      for (const [name, run] of Object.entries(steps)) if (name !== missing) await run();
      expect(enrollment(await getEnrollment()).canFinish).toBe(false);
      apiError(await finish(), 409, "ENROLLMENT_INCOMPLETE");
      apiError(await browser.get("/api/me"), 401, "UNAUTHENTICATED");
    },
  );

  it("signs John in once password, question and a method are set, with a new session id", async () => {
    await activateJohn();
    for (const run of Object.values(steps)) await run();
    expect(enrollment(await getEnrollment()).canFinish).toBe(true);
    const before = browser.sessionId;

    const finished = await finish();
    const state = authnState(finished);
    expect(state.status).toBe("SUCCESS");
    expect(state.username).toBe(JOHN.login);
    expect(finished.headers.getSetCookie()).toEqual([expect.stringMatching(/^traqs_sid=[\w-]+;/)]);
    expect(browser.sessionId).toBeTruthy();
    expect(browser.sessionId).not.toBe(before);

    const meResponse = await browser.get("/api/me");
    expect(meResponse.status, meResponse.text).toBe(200);
    const me = Me.parse(meResponse.json);
    expect(me).toMatchObject({ login: JOHN.login, firstName: "John", traqsUsername: "JSMITH01" });

    // The set-up is over, and the old session id is worth nothing.
    expect(authnState(await browser.get("/api/authn")).status).toBe("SUCCESS");
    const old = backend.browser("attacker").setCookie("traqs_sid", before ?? "");
    apiError(await old.get("/api/me"), 401, "UNAUTHENTICATED");
    apiError(await getEnrollment(old), 401, "UNAUTHENTICATED");
  });
});

describe("a user with a password but no access method", () => {
  it("is sent to set-up after the password, and can finish there", async () => {
    await activateJohn();
    enrollment(await setPassword(GOOD));

    const later = backend.browser("later");
    await identify(later, JOHN.login);
    const signedIn = authnState(await submitPassword(later, GOOD));
    expect(signedIn).toMatchObject({ status: "ENROLL", username: JOHN.login, factors: [] });
    apiError(await later.get("/api/me"), 401, "UNAUTHENTICATED");

    expect(enrollment(await getEnrollment(later))).toMatchObject({
      username: JOHN.login,
      passwordSet: true,
      securityQuestionSet: false,
      methods: [],
    });
    enrollment(await setQuestion(FOOD_QUESTION, "Broccoli", later));
    await enrollSmsPhone(SMS_PHONE, later);
    expect(authnState(await finish(later)).status).toBe("SUCCESS");
    expect(Me.parse((await later.get("/api/me")).json).traqsUsername).toBe("JSMITH01");
  });

  it("loses the set-up once a method is set up elsewhere: it must sign in with the method", async () => {
    await activateJohn();
    enrollment(await setPassword(GOOD));
    // Someone with only the password reaches the set-up, as the guide allows while there is no method.
    const passwordOnly = backend.browser("password only");
    await identify(passwordOnly, JOHN.login);
    expect(authnState(await submitPassword(passwordOnly, GOOD)).status).toBe("ENROLL");
    enrollment(await setQuestion(FOOD_QUESTION, "Broccoli"));
    await enrollGoogleAuthenticator();
    expect(authnState(await finish()).status).toBe("SUCCESS");

    apiError(await finish(passwordOnly), 401, "UNAUTHENTICATED");
    apiError(
      await enrollPhone({ channel: "sms", e164: SMS_PHONE }, passwordOnly),
      401,
      "UNAUTHENTICATED",
    );
    apiError(await passwordOnly.get("/api/me"), 401, "UNAUTHENTICATED");
  });

  it("still needs the right password to reach set-up", async () => {
    await activateJohn();
    enrollment(await setPassword(GOOD));
    const later = backend.browser("later");
    await identify(later, JOHN.login);
    apiError(await submitPassword(later, GOOD_2), 401, "INVALID_CREDENTIALS");
    apiError(await getEnrollment(later), 401, "UNAUTHENTICATED");
  });
});

describe("the second factor is never skipped, and set-up codes count toward lockout", () => {
  it("asks a user who set up a method but no question for that method, not for more set-up", async () => {
    await activateJohn();
    enrollment(await setPassword(GOOD));
    await enrollSmsPhone();
    const later = backend.browser("later");
    await identify(later, JOHN.login);
    const state = authnState(await submitPassword(later, GOOD));
    expect(state.status).toBe("FACTOR");
    apiError(await getEnrollment(later), 401, "UNAUTHENTICATED");
    apiError(
      await later.post("/api/enroll/security-question", {
        question: FOOD_QUESTION,
        answer: "Kale",
      }),
      401,
      "UNAUTHENTICATED",
    );
  });

  it("locks the account after 5 wrong set-up codes; the right code is then refused too", async () => {
    await activateJohn();
    const code = await smsCode(SMS_PHONE);
    for (let attempt = 1; attempt < 5; attempt++) {
      apiError(await verifyPhone(otherCode(code)), 401, "INVALID_CODE");
    }
    apiError(await verifyPhone(otherCode(code)), 403, "ACCOUNT_LOCKED");
    apiError(await verifyPhone(code), 403, "ACCOUNT_LOCKED");
    expect(enrollment(await getEnrollment()).methods).toEqual([]);
  });

  it("counts wrong Google Authenticator set-up codes the same way", async () => {
    await activateJohn();
    const { key } = totpEnrollment(await startGoogleAuthenticator());
    const right = generateTotp(key, await backend.now());
    for (let attempt = 1; attempt < 5; attempt++) {
      expect((await verifyGoogleAuthenticator(otherCode(right))).status).toBe(401);
    }
    apiError(await verifyGoogleAuthenticator(otherCode(right)), 403, "ACCOUNT_LOCKED");
  });

  it("waits 30 s before texting again, even to another number", async () => {
    await activateJohn();
    phoneEnrollment(await enrollPhone({ channel: "sms", e164: SMS_PHONE }));
    apiError(await enrollPhone({ channel: "sms", e164: VOICE_PHONE }), 429, "RATE_LIMITED");
    expect((await backend.outbox()).filter((m) => m.channel === "sms")).toHaveLength(1);
  });
});
