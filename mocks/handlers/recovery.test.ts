import { beforeEach, describe, expect, it } from "vitest";
import { Me } from "../../src/api/contracts/me";
import { RecoveryState, type RecoveryKind } from "../../src/api/contracts/recovery";
import { MockBackend } from "../testing/backend";
import { apiError, authnState, type ApiResponse, type Browser } from "../testing/client";
import {
  expectNoSecrets,
  factorId,
  identify,
  JANE,
  JOHN,
  NOBODY,
  otherCode,
  SAM,
  signIn,
  signInToFactor,
  submitPassword,
  verifyCode,
  WRONG_PASSWORD,
} from "../testing/steps";

/** Breaks none of Jane's rules (no jane, doe, yourfirm or org; not in her history). */
const NEW_PASSWORD = "Harbor-Lights-2031";
const QUESTION = "What is the name of your first stuffed animal?";
const UNLOCK_SUBJECT = "FINRA TRAQS - Account Unlock Requested";
const RESET_SUBJECT = "FINRA TRAQS - Password Reset Requested";
const SUBJECTS: Record<RecoveryKind, string> = { unlock: UNLOCK_SUBJECT, reset: RESET_SUBJECT };
const LINK = /^\/signin\/recovery\/link\/([\w-]+)$/;
const HOUR = 3600;

let backend: MockBackend;
let browser: Browser;
beforeEach(() => {
  backend = new MockBackend();
  browser = backend.browser();
});

const start = (b: Browser, kind: RecoveryKind, username: string) =>
  b.post("/api/recovery/start", { kind, username });
const sendEmail = (b: Browser) => b.post("/api/recovery/send");
const verify = (b: Browser, code: string) => b.post("/api/recovery/verify", { code });
const openLink = (b: Browser, token: string) => b.post("/api/recovery/link", { token });
const answer = (b: Browser, text: string) => b.post("/api/recovery/answer", { answer: text });
const setNewPassword = (b: Browser, password: string) =>
  b.post("/api/recovery/password", { password });
const getRecovery = (b: Browser) => b.get("/api/recovery");
const getAuthn = (b: Browser) => b.get("/api/authn");
const me = (b: Browser) => b.get("/api/me");

/** The recovery state of a 200 answer, checked against the contract. */
function recoveryState(response: ApiResponse): RecoveryState {
  expect(response.status, response.text).toBe(200);
  return RecoveryState.parse(response.json);
}

/** Unlock and reset emails, newest first. */
async function recoveryEmails() {
  return (await backend.outbox()).filter(
    (m) => m.channel === "email" && (m.subject === UNLOCK_SUBJECT || m.subject === RESET_SUBJECT),
  );
}

/** The newest recovery email to the login: its code and the token of its link. */
async function emailed(kind: RecoveryKind, login = JANE.login) {
  const email = await backend.latest("email", login);
  expect(email.subject).toBe(SUBJECTS[kind]);
  const token = LINK.exec(email.link ?? "")?.[1];
  const code = email.code;
  if (!token || !code) throw new Error(`No code or link in ${JSON.stringify(email)}`);
  return { email, code, token };
}

/** "Unlock account?" or "Forgot password?" for the login in `b`, then "Send me an email". */
async function requestEmail(b: Browser, kind: RecoveryKind = "unlock", login = JANE.login) {
  expect(recoveryState(await start(b, kind, login)).stage).toBe("SEND");
  expect(recoveryState(await sendEmail(b)).stage).toBe("SENT");
  return emailed(kind, login);
}

/** Jane's recovery in `b` up to the security question, by the emailed code. */
async function reachQuestion(b: Browser, kind: RecoveryKind = "unlock") {
  const { code } = await requestEmail(b, kind);
  const state = recoveryState(await verify(b, code));
  expect(state.stage).toBe("QUESTION");
  return state;
}

/** Jane's reset in `b` up to the new password. */
async function reachNewPassword(b: Browser) {
  await reachQuestion(b, "reset");
  const state = recoveryState(await answer(b, "Rex"));
  expect(state.stage).toBe("NEW_PASSWORD");
  return state;
}

/** Five wrong passwords: the fifth locks Jane's account. */
async function lockJane(b: Browser) {
  expect(authnState(await identify(b, JANE.login)).status).toBe("PASSWORD");
  for (let i = 0; i < 4; i++)
    apiError(await submitPassword(b, WRONG_PASSWORD), 401, "INVALID_CREDENTIALS");
  apiError(await submitPassword(b, WRONG_PASSWORD), 403, "ACCOUNT_LOCKED");
  apiError(await submitPassword(b, JANE.password), 403, "ACCOUNT_LOCKED");
}

/** The user's activity of one type, read from the database. */
const activity = (login: string, type: string) =>
  backend.read((state) => {
    const user = state.users.find((u) => u.login === login);
    return state.activity.filter((a) => a.userId === user?.id && a.type === type);
  });

/** Finishes the sign-in at FACTOR with Jane's authenticator app. */
async function finishWithTotp(b: Browser) {
  const atFactor = authnState(await getAuthn(b));
  expect(atFactor.status).toBe("FACTOR");
  const code = await backend.totp(JANE.totpKey);
  const done = authnState(await verifyCode(b, factorId(atFactor, "google_authenticator"), code));
  expect(done.status).toBe("SUCCESS");
  const signedIn = await me(b);
  expect(signedIn.status, signedIn.text).toBe(200);
  expect(Me.parse(signedIn.json).login).toBe(JANE.login);
}

describe("Unlock account", () => {
  it("unlocks Jane, locked by 5 wrong passwords, with the emailed code and her answer", async () => {
    await lockJane(browser);
    const signInId = browser.sessionId;
    expect((await backend.latest("email", JANE.login)).subject).toBe(
      "FINRA TRAQS - Account Locked",
    );
    expect(await activity(JANE.login, "account_locked")).toHaveLength(1);

    const started = await start(browser, "unlock", JANE.login);
    expect(recoveryState(started)).toEqual({
      kind: "unlock",
      stage: "SEND",
      username: JANE.login,
      question: null,
      sentAt: null,
      resendAt: null,
      firstName: null,
      lastName: null,
    });
    expect(started.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^traqs_sid=[\w-]+; Path=\/; SameSite=Strict; HttpOnly$/),
    ]);
    expect(browser.sessionId).toBeTruthy();
    expect(browser.sessionId).not.toBe(signInId);
    // The sign-in that locked the account has ended.
    const oldCookie = backend.browser("old tab").setCookie("traqs_sid", signInId ?? "");
    expect(authnState(await getAuthn(oldCookie)).status).toBe("IDENTIFY");

    const now = await backend.now();
    const sent = recoveryState(await sendEmail(browser));
    expect(sent).toMatchObject({ kind: "unlock", stage: "SENT", username: JANE.login });
    expect(sent.sentAt).toBe(new Date(now).toISOString());
    expect(sent.resendAt).toBe(new Date(now + 30_000).toISOString());

    const { email, code, token } = await emailed("unlock");
    expect(email.to).toBe(JANE.login);
    expect(code).toMatch(/^\d{6}$/);
    expect(email.text).toContain(code);
    expect(email.text).toContain("5 minutes");

    const asked = recoveryState(await verify(browser, code));
    expect(asked).toMatchObject({
      kind: "unlock",
      stage: "QUESTION",
      question: QUESTION,
      firstName: "Jane",
      lastName: "Doe",
    });

    const done = recoveryState(await answer(browser, "Rex"));
    expect(done).toEqual({
      kind: "unlock",
      stage: "DONE",
      username: JANE.login,
      question: null,
      sentAt: null,
      resendAt: null,
      firstName: null,
      lastName: null,
    });
    const atPassword = authnState(await getAuthn(browser));
    expect(atPassword).toMatchObject({
      status: "PASSWORD",
      username: JANE.login,
      notice: "unlocked",
      factors: [],
    });
    expect(await activity(JANE.login, "account_unlocked")).toEqual([
      expect.objectContaining({ userAgent: browser.userAgent }),
    ]);

    // The lock is lifted: the right password, then the authenticator app.
    expect(authnState(await submitPassword(browser, JANE.password)).status).toBe("FACTOR");
    await finishWithTotp(browser);
    expectNoSecrets(browser, [code, token, JANE.password]);
  });

  it("goes on in the browser that opens the link; the first one's recovery ends", async () => {
    await lockJane(browser);
    const { code, token } = await requestEmail(browser, "unlock");
    const firstId = browser.sessionId;

    // The phone had a sign-in of its own going: it ends when the link takes over.
    const phone = backend.browser("mail app on the phone");
    await identify(phone, SAM.login);
    const phoneSignInId = phone.sessionId;
    const opened = await openLink(phone, token);
    expect(recoveryState(opened)).toMatchObject({
      kind: "unlock",
      stage: "QUESTION",
      username: JANE.login,
      question: QUESTION,
    });
    expect(phone.sessionId).toBeTruthy();
    expect(phone.sessionId).not.toBe(firstId);
    expect(phone.sessionId).not.toBe(phoneSignInId);
    const phoneBefore = backend
      .browser("old phone tab")
      .setCookie("traqs_sid", phoneSignInId ?? "");
    expect(authnState(await getAuthn(phoneBefore)).status).toBe("IDENTIFY");

    apiError(await getRecovery(browser), 409, "RECOVERY_ENDED");
    apiError(await verify(browser, code), 409, "RECOVERY_ENDED");
    apiError(await answer(browser, "Rex"), 409, "RECOVERY_ENDED");

    expect(recoveryState(await answer(phone, "Rex")).stage).toBe("DONE");
    expect(authnState(await getAuthn(phone))).toMatchObject({
      status: "PASSWORD",
      notice: "unlocked",
    });
    expect(authnState(await submitPassword(phone, JANE.password)).status).toBe("FACTOR");
    await finishWithTotp(phone);
  });

  it("takes the link in the same browser too", async () => {
    const { token } = await requestEmail(browser, "unlock");
    const before = browser.sessionId;
    expect(recoveryState(await openLink(browser, token)).stage).toBe("QUESTION");
    expect(browser.sessionId).not.toBe(before);
    expect(recoveryState(await getRecovery(browser)).stage).toBe("QUESTION");
  });
});

describe("unknown usernames", () => {
  it("start and send answer exactly as for Jane, but no email is sent", async () => {
    const janeBrowser = backend.browser();
    const before = await backend.outbox();
    for (const kind of ["unlock", "reset"] as const) {
      const janeStart = await start(janeBrowser, kind, JANE.login);
      const janeSend = await sendEmail(janeBrowser);
      for (const other of [NOBODY.login, JOHN.login]) {
        const b = backend.browser();
        const otherStart = await start(b, kind, other);
        expect(otherStart.status).toBe(janeStart.status);
        expect(otherStart.headers.getSetCookie()).toEqual([
          expect.stringMatching(/^traqs_sid=[\w-]+; Path=\/; SameSite=Strict; HttpOnly$/),
        ]);
        expect(recoveryState(otherStart)).toEqual({
          ...recoveryState(janeStart),
          username: other,
        });
        expect(otherStart.text).toBe(janeStart.text.replace(JANE.login, other));

        const otherSend = await sendEmail(b);
        expect(recoveryState(otherSend)).toEqual({ ...recoveryState(janeSend), username: other });
        expect(recoveryState(otherSend).stage).toBe("SENT");
        expect(otherSend.text).toBe(janeSend.text.replace(JANE.login, other));

        // "Send again" too soon: the same refusal.
        expect(apiError(await sendEmail(b), 429, "RATE_LIMITED")).toEqual(
          apiError(await sendEmail(janeBrowser), 429, "RATE_LIMITED"),
        );
      }
      await backend.advance(30);
    }
    const sent = (await backend.outbox()).slice(0, -before.length);
    expect(sent.map((m) => [m.to, m.subject])).toEqual([
      [JANE.login, RESET_SUBJECT],
      [JANE.login, UNLOCK_SUBJECT],
    ]);
  });

  it("refuses every code with 401 INVALID_CODE, then ends the recovery like Jane's", async () => {
    const janeBrowser = backend.browser();
    const { code } = await requestEmail(janeBrowser, "unlock");
    await start(browser, "unlock", NOBODY.login);
    await sendEmail(browser);

    const janeWrong = apiError(await verify(janeBrowser, otherCode(code)), 401, "INVALID_CODE");
    for (const guess of [code, "000000", "123456", otherCode(code)])
      expect(apiError(await verify(browser, guess), 401, "INVALID_CODE")).toEqual(janeWrong);
    for (let i = 0; i < 3; i++)
      apiError(await verify(janeBrowser, otherCode(code)), 401, "INVALID_CODE");
    expect(apiError(await verify(browser, code), 409, "RECOVERY_ENDED")).toEqual(
      apiError(await verify(janeBrowser, otherCode(code)), 409, "RECOVERY_ENDED"),
    );
  });
});

describe("emailed codes and links", () => {
  it("takes the unlock code up to 5 minutes after it was sent", async () => {
    const { code } = await requestEmail(browser, "unlock");
    await backend.advance(4 * 60 + 59);
    expect(recoveryState(await verify(browser, code)).stage).toBe("QUESTION");
  });

  it("refuses the unlock code after 6 minutes as CODE_EXPIRED, and the link too", async () => {
    const { code, token } = await requestEmail(browser, "unlock");
    await backend.advance(6 * 60);
    apiError(await verify(browser, code), 401, "CODE_EXPIRED");
    apiError(await openLink(backend.browser(), token), 410, "RECOVERY_ENDED");
    // The recovery goes on: a new email, whose code works.
    expect(recoveryState(await getRecovery(browser)).stage).toBe("SENT");
    recoveryState(await sendEmail(browser));
    const fresh = await emailed("unlock");
    expect(fresh.code).not.toBe(code);
    expect(recoveryState(await verify(browser, fresh.code)).stage).toBe("QUESTION");
  });

  it("takes the reset link 7 hours 59 minutes after it was sent", async () => {
    const { token, email } = await requestEmail(browser, "reset");
    expect(email.text).toContain("8 hours");
    await backend.advance(7 * HOUR + 59 * 60);
    const other = backend.browser();
    expect(recoveryState(await openLink(other, token))).toMatchObject({
      kind: "reset",
      stage: "QUESTION",
      question: QUESTION,
    });
    expect(recoveryState(await answer(other, "Rex")).stage).toBe("NEW_PASSWORD");
  });

  it("refuses the reset link 8 hours 1 minute after it was sent with 410", async () => {
    const { token } = await requestEmail(browser, "reset");
    await backend.advance(8 * HOUR + 60);
    apiError(await openLink(backend.browser(), token), 410, "RECOVERY_ENDED");
  });

  it("takes the reset code for 8 hours in a browser that stays active, not after", async () => {
    /** Moves the clock an hour at a time, the first browser asking for its state each hour. */
    const staysActive = async (b: Browser, seconds: number) => {
      for (let left = seconds; left > 0; left -= HOUR) {
        await backend.advance(Math.min(HOUR, left));
        expect(recoveryState(await getRecovery(b)).stage).toBe("SENT");
      }
    };
    const { code } = await requestEmail(browser, "reset");
    await staysActive(browser, 7 * HOUR + 59 * 60);
    expect(recoveryState(await verify(browser, code)).stage).toBe("QUESTION");

    const other = backend.browser();
    const late = await requestEmail(other, "reset");
    await staysActive(other, 8 * HOUR + 60);
    apiError(await verify(other, late.code), 401, "CODE_EXPIRED");
  });

  it("takes a link once", async () => {
    const { token } = await requestEmail(browser, "reset");
    const first = backend.browser();
    expect(recoveryState(await openLink(first, token)).stage).toBe("QUESTION");
    apiError(await openLink(first, token), 410, "RECOVERY_ENDED");
    apiError(await openLink(backend.browser(), token), 410, "RECOVERY_ENDED");
    apiError(await openLink(browser, token), 410, "RECOVERY_ENDED");
    // The refused attempts did not disturb the recovery in the browser that took it over.
    expect(recoveryState(await getRecovery(first)).stage).toBe("QUESTION");
  });

  it("does not take the code once the link was used", async () => {
    const { code, token } = await requestEmail(browser, "unlock");
    const other = backend.browser();
    expect(recoveryState(await openLink(other, token)).stage).toBe("QUESTION");
    apiError(await verify(browser, code), 409, "RECOVERY_ENDED");
    apiError(await verify(other, code), 409, "WRONG_STEP");
    expect(recoveryState(await getRecovery(other)).stage).toBe("QUESTION");
  });

  it("takes a code once, and the link no more after it", async () => {
    const { code, token } = await requestEmail(browser, "unlock");
    expect(recoveryState(await verify(browser, code)).stage).toBe("QUESTION");
    apiError(await verify(browser, code), 409, "WRONG_STEP");
    apiError(await openLink(backend.browser(), token), 410, "RECOVERY_ENDED");
    expect(recoveryState(await getRecovery(browser)).stage).toBe("QUESTION");
  });

  it("makes the code and link of an earlier email worthless when sending again", async () => {
    const first = await requestEmail(browser, "unlock");
    await backend.advance(30);
    recoveryState(await sendEmail(browser));
    const second = await emailed("unlock");
    expect(second.token).not.toBe(first.token);
    if (first.code !== second.code)
      apiError(await verify(browser, first.code), 401, "INVALID_CODE");
    apiError(await openLink(backend.browser(), first.token), 410, "RECOVERY_ENDED");
    expect(recoveryState(await verify(browser, second.code)).stage).toBe("QUESTION");
  });
});

describe("rate limits", () => {
  it("refuses a second email within 30 s with 429 RATE_LIMITED", async () => {
    await requestEmail(browser, "unlock");
    await backend.advance(10);
    const limited = await sendEmail(browser);
    expect(apiError(limited, 429, "RATE_LIMITED").retryAfterSeconds).toBe(20);
    expect(limited.headers.get("Retry-After")).toBe("20");
    expect(await recoveryEmails()).toHaveLength(1);
    expect(recoveryState(await getRecovery(browser)).stage).toBe("SENT");

    await backend.advance(20);
    expect(recoveryState(await sendEmail(browser)).stage).toBe("SENT");
    expect(await recoveryEmails()).toHaveLength(2);
  });

  it("sends at most 3 emails per login in 15 minutes, across new recoveries", async () => {
    await requestEmail(browser, "unlock"); // t = 0
    await backend.advance(30);
    recoveryState(await sendEmail(browser)); // t = 30
    await backend.advance(30);
    recoveryState(await sendEmail(browser)); // t = 60
    await backend.advance(30);
    const fourth = await sendEmail(browser); // t = 90
    expect(apiError(fourth, 429, "RATE_LIMITED").retryAfterSeconds).toBe(15 * 60 - 90);
    expect(fourth.headers.get("Retry-After")).toBe(String(15 * 60 - 90));

    // A new recovery, of the other kind, in another browser, the username typed differently.
    const other = backend.browser();
    expect(
      recoveryState(await start(other, "reset", ` ${JANE.login.toUpperCase()} `)),
    ).toMatchObject({ stage: "SEND", username: JANE.login });
    expect(apiError(await sendEmail(other), 429, "RATE_LIMITED").retryAfterSeconds).toBe(
      15 * 60 - 90,
    );
    expect(await recoveryEmails()).toHaveLength(3);

    // Another login is not held back by Jane's limit.
    await requestEmail(backend.browser(), "unlock", SAM.login);

    await backend.advance(15 * 60 - 90 - 1); // t = 899
    expect(apiError(await sendEmail(other), 429, "RATE_LIMITED").retryAfterSeconds).toBe(1);
    await backend.advance(1); // t = 900: the first email is a quarter hour old
    expect(recoveryState(await sendEmail(other)).stage).toBe("SENT");
    const { code } = await emailed("reset");
    expect(recoveryState(await verify(other, code)).stage).toBe("QUESTION");
    expect((await recoveryEmails()).filter((m) => m.to === JANE.login)).toHaveLength(4);
  });
});

describe("wrong codes and answers", () => {
  it("ends the recovery at the 5th wrong code; it must start again", async () => {
    const { code, token } = await requestEmail(browser, "unlock");
    for (let i = 0; i < 4; i++)
      apiError(await verify(browser, otherCode(code)), 401, "INVALID_CODE");
    apiError(await verify(browser, otherCode(code)), 409, "RECOVERY_ENDED");

    apiError(await verify(browser, code), 409, "RECOVERY_ENDED");
    apiError(await getRecovery(browser), 409, "RECOVERY_ENDED");
    apiError(await sendEmail(browser), 409, "RECOVERY_ENDED");
    apiError(await openLink(backend.browser(), token), 410, "RECOVERY_ENDED");

    const again = await requestEmail(browser, "unlock");
    expect(recoveryState(await verify(browser, again.code)).stage).toBe("QUESTION");
  });

  it("keeps counting wrong codes across a new email", async () => {
    const { code } = await requestEmail(browser, "unlock");
    for (let i = 0; i < 3; i++)
      apiError(await verify(browser, otherCode(code)), 401, "INVALID_CODE");
    await backend.advance(30);
    recoveryState(await sendEmail(browser));
    const fresh = await emailed("unlock");
    apiError(await verify(browser, otherCode(fresh.code)), 401, "INVALID_CODE");
    apiError(await verify(browser, otherCode(fresh.code)), 409, "RECOVERY_ENDED");
    apiError(await verify(browser, fresh.code), 409, "RECOVERY_ENDED");
  });

  it("answers a wrong answer with 401 INVALID_ANSWER and stays at the question", async () => {
    await reachQuestion(browser, "unlock");
    apiError(await answer(browser, "Fido"), 401, "INVALID_ANSWER");
    apiError(await answer(browser, "Re"), 401, "INVALID_ANSWER");
    expect(recoveryState(await getRecovery(browser))).toMatchObject({
      stage: "QUESTION",
      question: QUESTION,
    });
    expect(recoveryState(await answer(browser, " rex ")).stage).toBe("DONE");
  });

  it("takes the answer without regard to case or surrounding spaces", async () => {
    await reachQuestion(browser, "reset");
    expect(recoveryState(await answer(browser, "  REX ")).stage).toBe("NEW_PASSWORD");
  });

  it("ends the recovery at the 5th wrong answer; the lock stays", async () => {
    await lockJane(browser);
    await reachQuestion(browser, "unlock");
    for (let i = 0; i < 4; i++) apiError(await answer(browser, `Fido ${i}`), 401, "INVALID_ANSWER");
    apiError(await answer(browser, "Fido"), 409, "RECOVERY_ENDED");
    apiError(await answer(browser, "Rex"), 409, "RECOVERY_ENDED");
    apiError(await getRecovery(browser), 409, "RECOVERY_ENDED");
    expect(await activity(JANE.login, "account_unlocked")).toEqual([]);

    await identify(browser, JANE.login);
    apiError(await submitPassword(browser, JANE.password), 403, "ACCOUNT_LOCKED");
  });
});

describe("Forgot password", () => {
  it("resets Jane's password after the code and her answer; sign-in then needs a method", async () => {
    const { email } = await requestEmail(browser, "reset");
    expect(email.text).toContain("reset the password");

    const { code } = await emailed("reset");
    expect(recoveryState(await verify(browser, code)).stage).toBe("QUESTION");
    expect(recoveryState(await answer(browser, "Rex"))).toMatchObject({
      kind: "reset",
      stage: "NEW_PASSWORD",
      username: JANE.login,
      question: null,
      firstName: "Jane",
      lastName: "Doe",
    });

    const history = apiError(await setNewPassword(browser, JANE.password), 400, "PASSWORD_POLICY");
    expect(history.rules).toEqual(["history"]);

    const done = recoveryState(await setNewPassword(browser, NEW_PASSWORD));
    expect(done).toMatchObject({ kind: "reset", stage: "DONE", username: JANE.login });
    const atFactor = authnState(await getAuthn(browser));
    expect(atFactor).toMatchObject({
      status: "FACTOR",
      username: JANE.login,
      notice: "passwordReset",
    });
    expect(atFactor.factors.map((f) => f.type)).toEqual(["google_authenticator", "phone"]);
    apiError(await me(browser), 401, "UNAUTHENTICATED");

    expect((await backend.latest("email", JANE.login)).subject).toBe(
      "FINRA TRAQS - Password reset",
    );
    expect(await activity(JANE.login, "password_recovered")).toEqual([
      expect.objectContaining({ userAgent: browser.userAgent }),
    ]);

    await finishWithTotp(browser);
    expectNoSecrets(browser, [NEW_PASSWORD, JANE.password]);

    const later = backend.browser();
    await identify(later, JANE.login);
    apiError(await submitPassword(later, JANE.password), 401, "INVALID_CREDENTIALS");
    expect(authnState(await submitPassword(later, NEW_PASSWORD)).status).toBe("FACTOR");
  });

  it("refuses a new password that breaks any rule, naming it, and stays put", async () => {
    await reachNewPassword(browser);
    const cases: [string, string][] = [
      [JANE.password, "history"],
      ["Sh0rt-Pass", "minLength"],
      ["harbor-lights-2031", "uppercase"],
      ["HARBOR-LIGHTS-2031", "lowercase"],
      ["Harbor-Lights-Night", "number"],
      ["Jane-Harbor-2031", "noFirstName"],
      ["Doe-Harbor-Lights-2031", "noLastName"],
      ["Yourfirm-Harbor-2031", "noUsernameParts"],
      ["Password1234", "notCommon"],
    ];
    for (const [password, rule] of cases) {
      const error = apiError(await setNewPassword(browser, password), 400, "PASSWORD_POLICY");
      expect(error.rules, password).toContain(rule);
    }
    // More refusals than wrong codes are allowed: a refused password does not end the recovery.
    expect(recoveryState(await getRecovery(browser)).stage).toBe("NEW_PASSWORD");
    expect(recoveryState(await setNewPassword(browser, NEW_PASSWORD)).stage).toBe("DONE");
  });

  it("reset by the link in another browser; the password is stored once", async () => {
    const { token } = await requestEmail(browser, "reset");
    const other = backend.browser();
    expect(recoveryState(await openLink(other, token)).stage).toBe("QUESTION");
    expect(recoveryState(await answer(other, "rex")).stage).toBe("NEW_PASSWORD");
    expect(recoveryState(await setNewPassword(other, NEW_PASSWORD)).stage).toBe("DONE");
    apiError(await setNewPassword(other, "Maple-Canyon-7788"), 409, "RECOVERY_ENDED");
    await finishWithTotp(other);

    const later = backend.browser();
    await identify(later, JANE.login);
    apiError(await submitPassword(later, "Maple-Canyon-7788"), 401, "INVALID_CREDENTIALS");
    expect(authnState(await submitPassword(later, NEW_PASSWORD)).status).toBe("FACTOR");
  });

  it("lifts a lock, so that the second factor can be used at once", async () => {
    await lockJane(browser);
    await reachNewPassword(browser);
    expect(recoveryState(await setNewPassword(browser, NEW_PASSWORD)).stage).toBe("DONE");
    await finishWithTotp(browser);
  });
});

describe("a recovery never signs the user in by itself (SECURITY 6)", () => {
  it("leaves an unlock at the password: no code skips it, /api/me stays 401", async () => {
    await reachQuestion(browser, "unlock");
    expect(recoveryState(await answer(browser, "Rex")).stage).toBe("DONE");
    apiError(await me(browser), 401, "UNAUTHENTICATED");
    expect(authnState(await getAuthn(browser)).status).toBe("PASSWORD");

    const methodId = await backend.read(
      (state) => state.users.find((u) => u.login === JANE.login)?.methods[0]?.id ?? "",
    );
    const totp = await backend.totp(JANE.totpKey);
    apiError(await verifyCode(browser, methodId, totp), 409, "WRONG_STEP");
    apiError(await me(browser), 401, "UNAUTHENTICATED");
    expect(await activity(JANE.login, "sign_in")).toEqual([]);
  });

  it("leaves a reset at the second factor: /api/me stays 401 until a method is verified", async () => {
    await reachNewPassword(browser);
    apiError(await me(browser), 401, "UNAUTHENTICATED");
    const done = await setNewPassword(browser, NEW_PASSWORD);
    expect(recoveryState(done).stage).toBe("DONE");
    apiError(await me(browser), 401, "UNAUTHENTICATED");
    expect(authnState(await getAuthn(browser)).status).toBe("FACTOR");
    // The password step is behind it: it cannot be used to complete the sign-in.
    apiError(await submitPassword(browser, NEW_PASSWORD), 409, "WRONG_STEP");
    apiError(await me(browser), 401, "UNAUTHENTICATED");
    expect(await activity(JANE.login, "sign_in")).toEqual([]);

    const beforeSuccess = browser.sessionId;
    await finishWithTotp(browser);
    expect(browser.sessionId).not.toBe(beforeSuccess);
    expect(await activity(JANE.login, "sign_in")).toHaveLength(1);
  });

  it("never answers /api/me at any step of a recovery", async () => {
    const { code } = await requestEmail(browser, "reset");
    apiError(await me(browser), 401, "UNAUTHENTICATED");
    const steps = [
      () => verify(browser, code),
      () => answer(browser, "Rex"),
      () => setNewPassword(browser, NEW_PASSWORD),
    ];
    for (const step of steps) {
      recoveryState(await step());
      apiError(await me(browser), 401, "UNAUTHENTICATED");
    }
  });
});

describe("steps out of order", () => {
  const moves = {
    send: (b: Browser) => sendEmail(b),
    verify: (b: Browser) => verify(b, "123456"),
    answer: (b: Browser) => answer(b, "Rex"),
    password: (b: Browser) => setNewPassword(b, NEW_PASSWORD),
  };

  it("answers 409 RECOVERY_ENDED without a recovery: no session, a sign-in, a finished one", async () => {
    apiError(await getRecovery(browser), 409, "RECOVERY_ENDED");
    for (const move of Object.values(moves)) apiError(await move(browser), 409, "RECOVERY_ENDED");

    await identify(browser, JANE.login);
    for (const move of Object.values(moves)) apiError(await move(browser), 409, "RECOVERY_ENDED");
    expect(authnState(await getAuthn(browser)).status).toBe("PASSWORD");

    const signedIn = backend.browser();
    await signInToFactor(signedIn, JANE);
    await finishWithTotp(signedIn);
    for (const move of Object.values(moves)) apiError(await move(signedIn), 409, "RECOVERY_ENDED");
    expect((await me(signedIn)).status).toBe(200);

    await reachQuestion(browser, "unlock");
    expect(recoveryState(await answer(browser, "Rex")).stage).toBe("DONE");
    apiError(await getRecovery(browser), 409, "RECOVERY_ENDED");
    for (const move of Object.values(moves)) apiError(await move(browser), 409, "RECOVERY_ENDED");
    expect(authnState(await getAuthn(browser)).status).toBe("PASSWORD");
  });

  it("answers 409 WRONG_STEP to a step that is not the current one, and stays put", async () => {
    const reached: [string, (b: Browser) => Promise<unknown>, (keyof typeof moves)[]][] = [
      ["SEND", (b) => start(b, "reset", JANE.login), ["verify", "answer", "password"]],
      ["SENT", (b) => requestEmail(b, "reset"), ["answer", "password"]],
      ["QUESTION", (b) => reachQuestion(b, "reset"), ["send", "verify", "password"]],
      ["NEW_PASSWORD", (b) => reachNewPassword(b), ["send", "verify", "answer"]],
    ];
    for (const [stage, reach, wrong] of reached) {
      const b = backend.browser();
      await reach(b);
      for (const name of wrong) apiError(await moves[name](b), 409, "WRONG_STEP");
      expect(recoveryState(await getRecovery(b)).stage).toBe(stage);
      await backend.advance(30);
    }
  });

  it("answers 409 WRONG_STEP to a new password in an unlock", async () => {
    await reachQuestion(browser, "unlock");
    apiError(await setNewPassword(browser, NEW_PASSWORD), 409, "WRONG_STEP");
    expect(recoveryState(await getRecovery(browser)).stage).toBe("QUESTION");
  });

  it("answers 410 to an unknown link, with or without a session", async () => {
    apiError(await openLink(browser, "no-such-token"), 410, "RECOVERY_ENDED");
    await start(browser, "unlock", JANE.login);
    apiError(await openLink(browser, "no-such-token"), 410, "RECOVERY_ENDED");
    expect(recoveryState(await getRecovery(browser)).stage).toBe("SEND");
  });
});

describe("request validation", () => {
  it("answers bad bodies with 400 VALIDATION, not counted as wrong codes", async () => {
    const fields = (response: ApiResponse) =>
      Object.keys(apiError(response, 400, "VALIDATION").fields ?? {}).sort();
    expect(fields(await browser.post("/api/recovery/start", {}))).toEqual(["kind", "username"]);
    expect(fields(await start(browser, "other" as RecoveryKind, JANE.login))).toEqual(["kind"]);
    expect(fields(await start(browser, "unlock", "   "))).toEqual(["username"]);
    apiError(await browser.postRaw("/api/recovery/start", '{"kind": "unl'), 400, "VALIDATION");
    expect(browser.sessionId).toBeUndefined();

    const { code } = await requestEmail(browser, "unlock");
    for (const bad of ["12ab56", "", "1234"])
      expect(fields(await verify(browser, bad))).toEqual(["code"]);
    for (let i = 0; i < 3; i++)
      apiError(await browser.postRaw("/api/recovery/verify", "{"), 400, "VALIDATION");
    expect(
      recoveryState(await verify(browser, ` ${code.slice(0, 3)} ${code.slice(3)} `)).stage,
    ).toBe("QUESTION");
    expect(fields(await answer(browser, ""))).toEqual(["answer"]);
    expect(fields(await openLink(backend.browser(), ""))).toEqual(["token"]);
  });
});

describe("fixes: long-lived reset links, same-day resets, unlock notifications", () => {
  it("keeps an 8-hour reset link working after the asking browser was idle for 3 hours", async () => {
    const { token } = await requestEmail(browser, "reset");
    await backend.advance(3 * HOUR);
    await getAuthn(browser); // the asking browser comes back: its recovery must still be there
    const other = backend.browser("mail client");
    expect(recoveryState(await openLink(other, token)).stage).toBe("QUESTION");
  });

  it("lets a user who forgot the new password reset it again the same day (no minimum age)", async () => {
    await reachNewPassword(browser);
    recoveryState(await setNewPassword(browser, "First-Reset-Secret-1"));
    const again = backend.browser("again");
    await reachQuestion(again, "reset");
    recoveryState(await answer(again, "Rex"));
    expect(recoveryState(await setNewPassword(again, "Second-Reset-Secret-2")).stage).toBe("DONE");
  });

  it("emails Jane when her account is unlocked", async () => {
    await lockJane(browser);
    await reachQuestion(browser, "unlock");
    recoveryState(await answer(browser, "Rex"));
    const email = await backend.latest("email", JANE.login);
    expect(email.subject).toBe("FINRA TRAQS - Account unlocked");
    expect(email.text).toContain("Report Suspicious Activity");
  });
});

describe("a forgotten-password reset signs the user out of every other device (SECURITY 20)", () => {
  it("ends Jane's other sessions, signed in or half-way, keeps Sam's, and says so in the email", async () => {
    const phone = backend.browser("Jane's phone");
    await signIn(backend, phone, JANE);
    const laptop = backend.browser("Jane's laptop");
    await signInToFactor(laptop, JANE);
    const sams = backend.browser("Sam's laptop");
    await signIn(backend, sams, SAM);
    expect((await me(phone)).status).toBe(200);

    await reachNewPassword(browser);
    expect(recoveryState(await setNewPassword(browser, NEW_PASSWORD)).stage).toBe("DONE");

    apiError(await me(phone), 401, "UNAUTHENTICATED");
    expect(authnState(await getAuthn(laptop)).status).toBe("IDENTIFY");
    expect((await me(sams)).status).toBe(200);
    const email = await backend.latest("email", JANE.login);
    expect(email.subject).toBe("FINRA TRAQS - Password reset");
    expect(email.text).toContain("You have been signed out of all other devices.");
    // The browser that reset it goes on to the second factor.
    await backend.advance(30);
    await finishWithTotp(browser);
  });
});
