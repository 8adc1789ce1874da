import { beforeEach, describe, expect, it } from "vitest";
import {
  AdminMobilePass,
  DevMobilePassApp,
  type MobilePassAdminAction,
  NasdaqEnrollment,
  NasdaqSessionState,
} from "../../src/api/contracts/nasdaq";
import type { AccountChange } from "../../src/api/contracts/account";
import { MockBackend } from "../testing/backend";
import { apiError, authnState, type ApiResponse, type Browser } from "../testing/client";
import { signedInAs, userId, verifyFor } from "../testing/admin";
import { factorId, HANK, JANE, OLGA, PAT, SAM, signIn, verifyItsYou } from "../testing/steps";
import { NASDAQ_SESSION_COOKIE } from "../rules/nasdaq";

const TWO_FA_PASSWORD = "Nasdaq-2fa-Pass-77";
const GENERIC = "Login failed. Check your User Name, 2FA-Password and Passcode.";

let backend: MockBackend;
let browser: Browser;
beforeEach(() => {
  backend = new MockBackend();
  browser = backend.browser();
});

function enrollment(response: ApiResponse): NasdaqEnrollment {
  expect(response.status, response.text).toBe(200);
  return NasdaqEnrollment.parse(response.json);
}

function sessionState(response: ApiResponse): NasdaqSessionState {
  expect(response.status, response.text).toBe(200);
  return NasdaqSessionState.parse(response.json);
}

type Admin = typeof HANK;

const ADMIN_ACTION = {
  issue: "issueMobilePass",
  resend: "resendMobilePass",
  revoke: "revokeMobilePass",
  reissue: "reissueMobilePass",
  unlock: "unlockNasdaqLogin",
} as const;

/** An administrator's MobilePASS action on the user, with its "Verify it's you" and a reason. */
async function mobilePassAction(admin: Admin, login: string, action: MobilePassAdminAction) {
  await backend.advance(30); // a new sign-in: the administrator's next code
  const b = await signedInAs(backend, admin);
  const id = await userId(backend, login);
  await verifyFor(backend, b, admin, ADMIN_ACTION[action], id);
  return b.post(`/api/admin/users/${id}/mobilepass/${action}`, { reason: "Ticket 4711" });
}

function adminView(response: ApiResponse): AdminMobilePass {
  expect(response.status, response.text).toBe(200);
  return AdminMobilePass.parse(response.json);
}

/** The help desk issues a token to the user; returns the emailed activation code. */
async function issueTo(login: string) {
  adminView(await mobilePassAction(HANK, login, "issue"));
  return (await backend.latest("email", login)).code ?? "";
}

/** The development phone's MobilePASS app: adds the token by its activation string. */
async function addToApp(activationString: string) {
  const response = await backend.browser().post("/__dev/mobilepass", { activationString });
  expect(response.status, response.text).toBe(200);
  return DevMobilePassApp.parse(response.json);
}

async function appPasscode(username: string): Promise<string> {
  const app = DevMobilePassApp.parse((await backend.browser().get("/__dev/mobilepass")).json);
  const token = app.tokens.find((t) => t.username === username);
  if (!token) throw new Error(`no token of ${username} in the app`);
  return token.passcode;
}

/** Sam, issued a token, enrolls it from his Okta session: activation, 2FA-Password, passcode. */
async function enrollSam(okta: Browser = browser) {
  const code = await issueTo(SAM.login);
  await signIn(backend, okta, SAM);
  expect(enrollment(await okta.get("/api/nasdaq/enrollment")).step).toBe("ACTIVATE");
  const activated = enrollment(
    await okta.post("/api/nasdaq/enrollment/activate", { activationCode: code }),
  );
  expect(activated.step).toBe("PASSWORD");
  expect(activated.addToken).toBeUndefined();
  const withPassword = enrollment(
    await okta.post("/api/nasdaq/enrollment/password", { password: TWO_FA_PASSWORD }),
  );
  expect(withPassword.step).toBe("ADD_TOKEN");
  const activationString = withPassword.addToken?.activationString ?? "";
  await addToApp(activationString);
  const done = enrollment(
    await okta.post("/api/nasdaq/enrollment/verify", { passcode: await appPasscode(SAM.login) }),
  );
  expect(done.step).toBe("DONE");
  expect(done.addToken).toBeUndefined();
  return done;
}

/** Sam's "Verify it's you" for one change in Settings: his password, then a new code. */
const verifyChange = (change: AccountChange) => verifyItsYou(backend, browser, SAM, change);

const login = (b: Browser, password: string, passcode: string, username = SAM.login) =>
  b.post("/api/nasdaq/login", { username, password, passcode });

describe("enrollment", () => {
  it("is refused without the Okta sign-in", async () => {
    apiError(await browser.get("/api/nasdaq/enrollment"), 401, "UNAUTHENTICATED");
  });

  it("tells a user with no token so, and names the applications they are entitled to", async () => {
    await signIn(backend, browser, JANE);
    const state = enrollment(await browser.get("/api/nasdaq/enrollment"));
    expect(state).toMatchObject({
      step: "NO_TOKEN",
      token: null,
      applications: ["cms-web", "track"],
    });
  });

  it("takes the emailed code once, holds the 2FA-Password to the policy, and ends with a passcode", async () => {
    const code = await issueTo(SAM.login);
    const email = await backend.latest("email", SAM.login);
    expect(email.link).toBe(`/nasdaq/enroll/${code}`);
    await signIn(backend, browser, SAM);
    apiError(
      await browser.post("/api/nasdaq/enrollment/password", { password: TWO_FA_PASSWORD }),
      409,
      "WRONG_STEP",
    );
    apiError(
      await browser.post("/api/nasdaq/enrollment/activate", { activationCode: "ABCD-EFGH-JKMN" }),
      400,
      "ACTIVATION_INVALID",
    );
    enrollment(await browser.post("/api/nasdaq/enrollment/activate", { activationCode: code }));
    apiError(
      await browser.post("/api/nasdaq/enrollment/activate", { activationCode: code }),
      410,
      "ACTIVATION_USED",
    );
    const refused = apiError(
      await browser.post("/api/nasdaq/enrollment/password", { password: "sam-short" }),
      400,
      "PASSWORD_POLICY",
    );
    expect(refused.rules).toEqual(
      expect.arrayContaining(["minLength", "uppercase", "noFirstName"]),
    );
    const state = enrollment(
      await browser.post("/api/nasdaq/enrollment/password", { password: TWO_FA_PASSWORD }),
    );
    apiError(
      await browser.post("/api/nasdaq/enrollment/verify", { passcode: "000000" }),
      400,
      "INVALID_CODE",
    );
    await addToApp(state.addToken?.activationString ?? "");
    const done = enrollment(
      await browser.post("/api/nasdaq/enrollment/verify", {
        passcode: await appPasscode(SAM.login),
      }),
    );
    expect(done.token).toMatchObject({ status: "enrolled", lastUsedAt: null });
    const emails = (await backend.outbox()).filter((m) => m.to === SAM.login);
    expect(emails[0]?.subject).toBe("FINRA TRAQS - MobilePASS token enrolled");
  });

  it("refuses an expired activation code after 7 days", async () => {
    const code = await issueTo(SAM.login);
    await backend.advance(7 * 24 * 3600 + 60);
    await signIn(backend, browser, SAM);
    apiError(
      await browser.post("/api/nasdaq/enrollment/activate", { activationCode: code }),
      410,
      "ACTIVATION_EXPIRED",
    );
  });

  it("the development phone refuses an activation string before the code was taken", async () => {
    await issueTo(SAM.login);
    const secret = await backend.read((s) => s.mobilePassTokens[0]?.secret ?? "");
    const response = await backend
      .browser()
      .post("/__dev/mobilepass", { activationString: secret });
    apiError(response, 404, "ACTIVATION_INVALID");
  });
});

describe("the Two-Factor Authentication window", () => {
  it("logs in with the three right, in a session of its own, not the Okta dashboard's", async () => {
    await enrollSam();
    const nasdaq = backend.browser("Nasdaq browser");
    expect(sessionState(await nasdaq.get("/api/nasdaq/session")).session).toBeNull();
    await backend.advance(30);
    const state = sessionState(await login(nasdaq, TWO_FA_PASSWORD, await appPasscode(SAM.login)));
    expect(state.session).toMatchObject({
      username: SAM.login,
      firstName: "Sam",
      applications: ["q-port"],
    });
    expect(sessionState(await nasdaq.get("/api/nasdaq/session")).session?.username).toBe(SAM.login);
    // Its own cookie: no Okta session comes with it.
    expect(nasdaq.sessionId).toBeUndefined();
    apiError(await nasdaq.get("/api/me"), 401, "UNAUTHENTICATED");
    // And the Okta session does not open the Nasdaq applications.
    expect(sessionState(await browser.get("/api/nasdaq/session")).session).toBeNull();

    // Signing out of one leaves the other.
    expect((await nasdaq.delete("/api/nasdaq/session")).status).toBe(204);
    expect(sessionState(await nasdaq.get("/api/nasdaq/session")).session).toBeNull();
    expect((await browser.get("/api/me")).status).toBe(200);

    const token = (await backend.read((s) => s.mobilePassTokens[0])) ?? null;
    expect(token?.lastUsedAt).toBe(await backend.now());
    const activity = await backend.read((s) => s.activity.map((a) => a.type));
    expect(activity).toEqual(
      expect.arrayContaining(["mobilepass_issued", "mobilepass_enrolled", "nasdaq_sign_in"]),
    );
  });

  it("answers a wrong 2FA-Password, a wrong passcode and an unknown User Name alike", async () => {
    await enrollSam();
    await backend.advance(30);
    const passcode = await appPasscode(SAM.login);
    const answers = [
      await login(browser, "Wrong-Passw0rd-99", passcode),
      await login(browser, TWO_FA_PASSWORD, passcode === "123456" ? "654321" : "123456"),
      await login(browser, TWO_FA_PASSWORD, passcode, "nobody@yourfirm.org"),
      await login(browser, TWO_FA_PASSWORD, passcode, JANE.login),
    ];
    for (const answer of answers) {
      expect(apiError(answer, 401, "INVALID_CREDENTIALS").message).toBe(GENERIC);
    }
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
  });

  it("refuses a passcode used once already", async () => {
    await enrollSam();
    await backend.advance(30);
    const passcode = await appPasscode(SAM.login);
    sessionState(await login(backend.browser(), TWO_FA_PASSWORD, passcode));
    apiError(await login(backend.browser(), TWO_FA_PASSWORD, passcode), 401, "INVALID_CREDENTIALS");
  });

  it("locks after 5 failures with an email, even to the right three, until 15 minutes pass", async () => {
    await enrollSam();
    for (let i = 0; i < 5; i++)
      apiError(await login(browser, "Wrong-Passw0rd-99", "123456"), 401, "INVALID_CREDENTIALS");
    expect((await backend.latest("email", SAM.login)).subject).toBe("Nasdaq 2FA - Login locked");
    await backend.advance(30);
    const locked = apiError(
      await login(browser, TWO_FA_PASSWORD, await appPasscode(SAM.login)),
      403,
      "ACCOUNT_LOCKED",
    );
    expect(locked.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // The Okta sign-in is not locked by it.
    await signIn(backend, backend.browser(), SAM);

    await backend.advance(15 * 60);
    sessionState(await login(browser, TWO_FA_PASSWORD, await appPasscode(SAM.login)));
  });

  it("refuses a removed token at once: Settings' Remove needs the password and a method, for it", async () => {
    await enrollSam();
    const nasdaq = backend.browser();
    await backend.advance(30);
    sessionState(await login(nasdaq, TWO_FA_PASSWORD, await appPasscode(SAM.login)));

    apiError(await browser.delete("/api/nasdaq/mobilepass"), 403, "STEP_UP_REQUIRED");
    // Settings open, with the password alone or with a method, is not enough: it is a removal.
    const view = authnState(await browser.post("/api/step-up/start", { purpose: "view" }));
    expect(view.passwordAccepted).toBe(true);
    authnState(await browser.post("/api/step-up/password", { password: SAM.password }));
    apiError(await browser.delete("/api/nasdaq/mobilepass"), 403, "STEP_UP_REQUIRED");
    const stepUp = authnState(await browser.post("/api/step-up/start", { purpose: "view" }));
    await backend.advance(30);
    authnState(
      await browser.post("/api/step-up/verify", {
        methodId: factorId(stepUp, "google_authenticator"),
        code: await backend.totp(SAM.totpKey),
      }),
    );
    apiError(await browser.delete("/api/nasdaq/mobilepass"), 403, "STEP_UP_REQUIRED");
    // A verification made for another change does not serve either.
    await verifyChange({ kind: "removeSecurityQuestion" });
    apiError(await browser.delete("/api/nasdaq/mobilepass"), 403, "STEP_UP_REQUIRED");

    await verifyChange({ kind: "removeMobilePass" });
    const removed = enrollment(await browser.delete("/api/nasdaq/mobilepass"));
    expect(removed).toMatchObject({ step: "NO_TOKEN", token: null });

    // The session it opened ended, and its passcodes no longer work.
    expect(sessionState(await nasdaq.get("/api/nasdaq/session")).session).toBeNull();
    await backend.advance(30);
    apiError(
      await login(nasdaq, TWO_FA_PASSWORD, await appPasscode(SAM.login)),
      401,
      "INVALID_CREDENTIALS",
    );
  });

  it("ends when the user is signed out everywhere, suspended or deactivated (the token with it)", async () => {
    await enrollSam();
    const samId = await userId(backend, SAM.login);
    const nasdaqSession = async () => {
      const nasdaq = backend.browser("Nasdaq browser");
      await backend.advance(30);
      sessionState(await login(nasdaq, TWO_FA_PASSWORD, await appPasscode(SAM.login)));
      return nasdaq;
    };
    const adminChange = async (
      action: "signOutEverywhere" | "suspend" | "reactivate" | "deactivate",
    ) => {
      await backend.advance(30);
      const pat = await signedInAs(backend, PAT);
      await verifyFor(backend, pat, PAT, action, samId);
      const done = await pat.post(`/api/admin/users/${samId}/${action}`, { reason: "Ticket 4711" });
      expect(done.status, done.text).toBe(200);
    };

    let nasdaq = await nasdaqSession();
    await adminChange("signOutEverywhere");
    expect(sessionState(await nasdaq.get("/api/nasdaq/session")).session).toBeNull();

    nasdaq = await nasdaqSession();
    await adminChange("suspend");
    expect(sessionState(await nasdaq.get("/api/nasdaq/session")).session).toBeNull();
    await adminChange("reactivate");

    // A session that outlives the user's status (a change made elsewhere) is not honoured either.
    nasdaq = await nasdaqSession();
    await backend.change((state) => {
      const sam = state.users.find((u) => u.id === samId);
      if (sam) sam.status = "SUSPENDED";
    });
    expect(sessionState(await nasdaq.get("/api/nasdaq/session")).session).toBeNull();
    await backend.change((state) => {
      const sam = state.users.find((u) => u.id === samId);
      if (sam) sam.status = "ACTIVE";
    });

    nasdaq = await nasdaqSession();
    await adminChange("deactivate");
    expect(sessionState(await nasdaq.get("/api/nasdaq/session")).session).toBeNull();
    const tokens = await backend.read((s) => s.mobilePassTokens.filter((t) => t.userId === samId));
    expect(tokens.map((t) => t.revokedAt)).toEqual([await backend.now()]);
  });

  it("gives the Nasdaq session a cookie of its own name, HttpOnly outside the browser", async () => {
    await enrollSam();
    await backend.advance(30);
    const response = await login(browser, TWO_FA_PASSWORD, await appPasscode(SAM.login));
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(new RegExp(`^${NASDAQ_SESSION_COOKIE}=[A-Za-z0-9_-]{32};`));
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    // The answer carries no secret.
    const seed = await backend.read((s) => s.mobilePassTokens[0]?.secret ?? "?");
    expect(response.text).not.toContain(seed);
  });
});

describe("issuing, by the help desk and the firm's administrator", () => {
  it("shows the administrator the token masked, and records issue and revoke in the audit log", async () => {
    const pat = await signedInAs(backend, PAT);
    const id = await userId(backend, SAM.login);
    const before = adminView(await pat.get(`/api/admin/users/${id}/mobilepass`));
    expect(before).toEqual({
      applications: ["q-port"],
      token: null,
      lockedUntil: null,
      issueRefusal: null,
    });
    apiError(
      await pat.post(`/api/admin/users/${id}/mobilepass/issue`, { reason: "no verification" }),
      403,
      "STEP_UP_REQUIRED",
    );
    const issued = adminView(await mobilePassAction(PAT, SAM.login, "issue"));
    expect(issued.token).toMatchObject({ status: "issued", enrolledAt: null });
    const secret = await backend.read((s) => s.mobilePassTokens[0]?.secret ?? "?");
    const code = (await backend.latest("email", SAM.login)).code ?? "?";
    expect(JSON.stringify(issued)).not.toContain(secret);
    expect(JSON.stringify(issued)).not.toContain(code);

    const resent = adminView(await mobilePassAction(PAT, SAM.login, "resend"));
    expect(resent.token?.serial).toBe(issued.token?.serial);
    expect((await backend.latest("email", SAM.login)).code).not.toBe(code);
    adminView(await mobilePassAction(PAT, SAM.login, "revoke"));
    const audit = await backend.read((s) => s.auditLog.map((a) => [a.action, a.result]));
    expect(audit.slice(-4)).toEqual([
      ["issueMobilePass", "failure"],
      ["issueMobilePass", "success"],
      ["resendMobilePass", "success"],
      ["revokeMobilePass", "success"],
    ]);
    const activity = await backend.read((s) =>
      s.activity.filter((a) => a.userId === id).map((a) => a.type),
    );
    expect(activity).toEqual(expect.arrayContaining(["mobilepass_issued", "mobilepass_revoked"]));
  });

  it("answers another firm's administrator 404, as for a user who does not exist", async () => {
    const olga = await signedInAs(backend, OLGA);
    const id = await userId(backend, SAM.login);
    apiError(await olga.get(`/api/admin/users/${id}/mobilepass`), 404, "NOT_FOUND");
    apiError(
      await olga.post(`/api/admin/users/${id}/mobilepass/issue`, { reason: "not mine" }),
      404,
      "NOT_FOUND",
    );
    expect(await backend.read((s) => s.mobilePassTokens.length)).toBe(0);
  });

  it("is refused to a user without a role: 403", async () => {
    const jane = await signedInAs(backend, JANE);
    const id = await userId(backend, SAM.login);
    apiError(await jane.get(`/api/admin/users/${id}/mobilepass`), 403, "FORBIDDEN");
  });

  it("refuses, with the reason, a shared address, a user not entitled, one not Active, a second token", async () => {
    const id = await userId(backend, SAM.login);
    await backend.change((state) => {
      const sam = state.users.find((u) => u.id === id);
      if (sam) sam.email = "trading@yourfirm.org";
    });
    apiError(await mobilePassAction(HANK, SAM.login, "issue"), 409, "SHARED_ADDRESS");
    await backend.change((state) => {
      const sam = state.users.find((u) => u.id === id);
      if (sam) sam.email = SAM.login;
    });
    apiError(await mobilePassAction(HANK, "john.smith@yourfirm.org", "issue"), 409, "USER_STATUS");
    await backend.change((state) => {
      const jane = state.users.find((u) => u.login === JANE.login);
      if (jane) jane.nasdaqApplications = [];
    });
    apiError(await mobilePassAction(HANK, JANE.login, "issue"), 409, "NOT_ENTITLED");
    await issueTo(SAM.login);
    apiError(await mobilePassAction(HANK, SAM.login, "issue"), 409, "TOKEN_EXISTS");
    expect(await backend.read((s) => s.mobilePassTokens.length)).toBe(1);
  });

  it("Reissue (lost device): the old token stops at once, a new one is emailed", async () => {
    await enrollSam();
    await backend.advance(30);
    const passcode = await appPasscode(SAM.login);
    const reissued = adminView(await mobilePassAction(HANK, SAM.login, "reissue"));
    expect(reissued.token?.status).toBe("issued");
    apiError(await login(browser, TWO_FA_PASSWORD, passcode), 401, "INVALID_CREDENTIALS");
    expect((await backend.latest("email", SAM.login)).subject).toBe(
      "Nasdaq 2FA - Your MobilePASS token",
    );
  });

  it("the help desk unlocks a locked Nasdaq login before the 15 minutes", async () => {
    await enrollSam();
    for (let i = 0; i < 5; i++) await login(browser, "Wrong-Passw0rd-99", "123456");
    const id = await userId(backend, SAM.login);
    await backend.advance(30);
    const hank = await signedInAs(backend, HANK);
    expect(
      adminView(await hank.get(`/api/admin/users/${id}/mobilepass`)).lockedUntil,
    ).not.toBeNull();
    expect(adminView(await mobilePassAction(HANK, SAM.login, "unlock")).lockedUntil).toBeNull();
    await backend.advance(30);
    sessionState(await login(browser, TWO_FA_PASSWORD, await appPasscode(SAM.login)));
  });
});

describe("the Nasdaq applications, changed on the user's page", () => {
  /** Pat (Your Firm's administrator) sets Sam's Nasdaq applications, after "Verify it's you". */
  async function setSamsApplications(nasdaqApplications: string[], admin: Admin = PAT) {
    await backend.advance(30);
    const b = await signedInAs(backend, admin);
    const id = await userId(backend, SAM.login);
    await verifyFor(backend, b, admin, "editNasdaqApplications", id);
    return b.put(`/api/admin/users/${id}/nasdaq-applications`, {
      nasdaqApplications,
      reason: "Order Form 12",
    });
  }

  it("replaces them with one audit event, a Recent Activity entry and an email", async () => {
    const changed = await setSamsApplications(["track", "q-port"]);
    expect(changed.status, changed.text).toBe(200);
    expect((changed.json as { nasdaqApplications: string[] }).nasdaqApplications).toEqual([
      "track",
      "q-port",
    ]);
    const audit = await backend.read((s) => s.auditLog.map((a) => [a.action, a.result, a.detail]));
    expect(audit.slice(-1)).toEqual([
      ["editNasdaqApplications", "success", "Nasdaq applications set: track, q-port"],
    ]);
    const id = await userId(backend, SAM.login);
    const activity = await backend.read((s) =>
      s.activity.filter((a) => a.userId === id).map((a) => a.detail),
    );
    expect(activity).toContain(
      "Nasdaq applications set: track, q-port (by your firm's Super Account Administrator)",
    );
    expect((await backend.latest("email", SAM.login)).subject).toBe(
      "FINRA TRAQS - Nasdaq applications changed",
    );
  });

  it("removing the last one revokes the token at once, and the audit event says so", async () => {
    await enrollSam();
    const serial = await backend.read((s) => s.mobilePassTokens[0]?.serial ?? "?");
    const changed = await setSamsApplications([]);
    expect(changed.status, changed.text).toBe(200);
    const audit = await backend.read((s) => s.auditLog.at(-1));
    expect(audit).toMatchObject({
      action: "editNasdaqApplications",
      result: "success",
      detail: `Nasdaq applications set: none; MobilePASS token ${serial} revoked`,
    });
    await backend.advance(30);
    apiError(
      await login(browser, TWO_FA_PASSWORD, await appPasscode(SAM.login)),
      401,
      "INVALID_CREDENTIALS",
    );
    expect((await backend.latest("email", SAM.login)).subject).toBe(
      "Nasdaq 2FA - Your MobilePASS token was revoked",
    );
  });

  it("is the firm administrator's, as the Order Form is: the help desk is refused", async () => {
    await backend.advance(30);
    const hank = await signedInAs(backend, HANK);
    const id = await userId(backend, SAM.login);
    apiError(
      await hank.put(`/api/admin/users/${id}/nasdaq-applications`, {
        nasdaqApplications: [],
        reason: "not mine to change",
      }),
      403,
      "FORBIDDEN",
    );
    expect(await backend.read((s) => s.users.find((u) => u.id === id)?.nasdaqApplications)).toEqual(
      ["q-port"],
    );
  });
});
