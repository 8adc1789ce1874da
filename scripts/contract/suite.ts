import { Secret, TOTP } from "otpauth";
import type { AuthnState } from "../../src/api/contracts/authn";
import type { ClockState, OutboxChannel, OutboxMessage } from "../../src/api/contracts/dev";
import type { ApiCatalog, RefreshTokens } from "../../src/api/contracts/api-download";
import type { AdminAction } from "../../src/api/contracts/account";
import type { AuditPage, UserDetail, UserSearchAnswer } from "../../src/api/contracts/admin";
import type { CreatedUser, CreateUserRequest } from "../../src/api/contracts/scenarios";
import { operations } from "../../src/api/operations";
import { ContractClient } from "./client";

/*
 * The conformance suite (`npm run test:contract -- --base-url URL`): the contract's flows over
 * HTTP against any backend. The flows that need the development endpoints (/__dev/...: users,
 * codes from the outbox, the clock) are reported as skipped, by name, on a backend without them.
 */

export type Result = { name: string; status: "passed" | "failed" | "skipped"; message?: string };

/** What a flow works with: new browsers (cookie jars) and, when the backend has them, /__dev/... */
type Context = { browser(): ContractClient; dev: Dev | null };
type Flow = { name: string; needsDev: boolean; run(ctx: Context): Promise<void> };

/** The development endpoints, through the contract's checks like any other. */
class Dev {
  constructor(private readonly client: ContractClient) {}

  async user(described: CreateUserRequest = {}): Promise<CreatedUser> {
    return (await this.client.call<CreatedUser>("devCreateUser", { body: described })).body;
  }

  async now(): Promise<number> {
    return (await this.client.call<ClockState>("devGetClock")).body.epochMs;
  }

  async advance(seconds: number): Promise<void> {
    await this.client.call("devAdvanceClock", { body: { advanceSeconds: seconds } });
  }

  /** The newest message on a channel, sent to `to` (its start). */
  async latest(channel: OutboxChannel, to: string): Promise<OutboxMessage> {
    const outbox = (await this.client.call<OutboxMessage[]>("devListOutbox")).body;
    const found = outbox.find((m) => m.channel === channel && m.to.startsWith(to));
    if (!found) throw new Error(`No ${channel} message to ${to} in the outbox`);
    return found;
  }

  approvePush(id: string, number: number) {
    return this.client.call("devApprovePush", { params: { id }, body: { number } });
  }

  /** The code an authenticator app holding this key shows now, by the backend's clock. */
  async totp(secret: string): Promise<string> {
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
    return totp.generate({ timestamp: await this.now() });
  }
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const methodOf = (user: CreatedUser, type: string, channel?: string) => {
  const method = user.methods.find((m) => m.type === type && (!channel || m.channel === channel));
  assert(method, `The created user has no ${type} ${channel ?? ""}`);
  return method;
};

/** Username → Next → Password → Verify: the sign-in's first two steps. */
async function toFactor(browser: ContractClient, login: string, password: string) {
  await browser.call("identify", { body: { username: login } });
  const state = await browser.call<AuthnState>("verifyPassword", { body: { password } });
  assert(state.body.status === "FACTOR", `After the password: ${state.body.status}, not FACTOR`);
  return state.body;
}

/** A new user with one method, in a new browser at the second factor. */
async function atFactor(ctx: Context, kind: "okta_verify" | "sms" | "voice") {
  const user = await ctx.dev!.user({ methods: [kind] });
  const method = kind === "okta_verify" ? methodOf(user, kind) : methodOf(user, "phone", kind);
  const b = ctx.browser();
  await toFactor(b, user.login, user.password ?? "");
  return { method, b };
}

function signedIn(state: AuthnState) {
  assert(state.status === "SUCCESS", `The sign-in ended at ${state.status}, not SUCCESS`);
}

/** Signed in with Google Authenticator; the next TOTP step is then the one a step-up may use. */
async function signInWithAuthenticator(dev: Dev, browser: ContractClient, user: CreatedUser) {
  const method = methodOf(user, "google_authenticator");
  await signInWithKey(dev, browser, user.login, user.password ?? "", method.id, method.secret);
  return method;
}

/** The sign-in with a code from an authenticator app holding `key`; `methodId` when known. */
async function signInWithKey(
  dev: Dev,
  browser: ContractClient,
  login: string,
  password: string,
  methodId: string | null,
  key = "",
): Promise<string> {
  const state = await toFactor(browser, login, password);
  const id =
    methodId ?? state.factors.find((f) => f.type === "google_authenticator")?.id ?? "(none)";
  const code = await dev.totp(key);
  signedIn((await browser.call<AuthnState>("verifyCode", { body: { methodId: id, code } })).body);
  // A TOTP code is accepted once: the next verification needs the next time step.
  await dev.advance(30);
  return id;
}

/** "Verify it's you" with Google Authenticator for one purpose. */
async function stepUp(
  dev: Dev,
  browser: ContractClient,
  methodId: string,
  secret: string,
  purpose: string,
) {
  const started = await browser.call<AuthnState>("startStepUp", { body: { purpose } });
  assert(started.body.status === "FACTOR", `Verify it's you began at ${started.body.status}`);
  const code = await dev.totp(secret);
  signedIn(
    (await browser.call<AuthnState>("verifyCodeForStepUp", { body: { methodId, code } })).body,
  );
}

/** Sign-in with a code sent by SMS or voice call, read from the development outbox. */
function phoneFlow(channel: "sms" | "voice", digits: number): Flow {
  return {
    name: `sign-in with a code by ${channel === "sms" ? "SMS" : "voice call"}`,
    needsDev: true,
    async run(ctx) {
      const { method: phone, b } = await atFactor(ctx, channel);
      const sent = await b.call<AuthnState>("sendChallenge", { body: { methodId: phone.id } });
      assert(sent.body.challenge?.kind === channel, "No challenge in the answer");
      const message = await ctx.dev!.latest(channel, "");
      assert(message.code?.length === digits, `A ${channel} code of ${digits} digits`);
      signedIn(
        (
          await b.call<AuthnState>("verifyCode", {
            body: { methodId: phone.id, code: message.code },
          })
        ).body,
      );
    },
  };
}

/** The seeded accounts the administrators' flows sign in with (the mock's seed, README). */
type Seeded = { login: string; password: string; key: string };
const SEED_PASSWORD = "Enrolled-Passw0rd-2024";
const PAT: Seeded = {
  login: "pat.admin@yourfirm.org",
  password: SEED_PASSWORD,
  key: "KBQXIIDBMRWWS3TZ",
};
const OLGA: Seeded = {
  login: "olga.admin@otherfirm.example",
  password: SEED_PASSWORD,
  key: "N5WGOYLBMRWWS3TZ",
};
const JANE: Seeded = {
  login: "jane.doe@yourfirm.org",
  password: SEED_PASSWORD,
  key: "JBSWY3DPEHPK3PXP",
};

const signInAs = (dev: Dev, browser: ContractClient, account: Seeded) =>
  signInWithKey(dev, browser, account.login, account.password, null, account.key);

/** An administrator's "Verify it's you" for one change: password, then a code. */
async function adminStepUp(
  dev: Dev,
  browser: ContractClient,
  account: Seeded,
  methodId: string,
  action: AdminAction,
  target: string,
) {
  const started = await browser.call<AuthnState>("startStepUp", {
    body: { purpose: "change", change: { kind: "admin", action, target } },
  });
  assert(started.body.status === "PASSWORD", "A change verification asks the password first");
  await browser.call("verifyPasswordForStepUp", { body: { password: account.password } });
  const code = await dev.totp(account.key);
  signedIn(
    (await browser.call<AuthnState>("verifyCodeForStepUp", { body: { methodId, code } })).body,
  );
  await dev.advance(30);
}

export const flows: Flow[] = [
  {
    name: "the sign-in page's first requests, signed out",
    needsDev: false,
    async run({ browser }) {
      const b = browser();
      const state = await b.call<AuthnState>("getSignIn");
      assert(state.body.status === "IDENTIFY", `A new browser's sign-in: ${state.body.status}`);
      await b.call("getMe", { expect: [401, "UNAUTHENTICATED"] });
      await b.call("getAccount", { expect: [401, "UNAUTHENTICATED"] });
      await b.call("passkeySignInOptions");
    },
  },
  {
    name: "an unknown username looks like a known one, and its password is refused",
    needsDev: false,
    async run({ browser }) {
      const b = browser();
      const state = await b.call<AuthnState>("identify", {
        body: { username: `nobody.${Date.now()}@example.test` },
      });
      assert(state.body.status === "PASSWORD", `After Next: ${state.body.status}`);
      await b.call("verifyPassword", {
        body: { password: "Not-the-password-1" },
        expect: [401, "INVALID_CREDENTIALS"],
      });
      await b.call("cancelSignIn");
    },
  },
  {
    name: "requests from another site, or not JSON, are refused",
    needsDev: false,
    async run({ browser }) {
      const b = browser();
      await b.call("identify", {
        body: { username: "x@example.test" },
        headers: { Origin: "https://attacker.example", "Sec-Fetch-Site": "cross-site" },
        expect: [403, "CROSS_ORIGIN"],
      });
      await b.call("identify", {
        body: { username: "x@example.test" },
        headers: { "Content-Type": "text/plain" },
        expect: [415, "VALIDATION"],
      });
      await b.call("identify", { body: { username: "" }, expect: [400, "VALIDATION"] });
    },
  },
  {
    name: "the token and download endpoints refuse what is not a live token",
    needsDev: false,
    async run({ browser }) {
      const b = browser();
      await b.call("exchangeRefreshToken", {
        body: { grant_type: "refresh_token", refresh_token: "not-a-token" },
        expect: [400, "invalid_grant"],
      });
      await b.call("exchangeRefreshToken", { body: {}, expect: [400, "invalid_request"] });
      await b.call("exchangeRefreshToken", {
        body: { grant_type: "password" },
        expect: [400, "unsupported_grant_type"],
      });
      await b.call("downloadFile", {
        params: { facility: "ADF", file: "x" },
        expect: [401, "invalid_token"],
      });
      await b.call("downloadFile", {
        params: { facility: "ADF", file: "x" },
        headers: { Authorization: "Bearer not-a-token" },
        expect: [401, "invalid_token"],
      });
    },
  },
  {
    name: "Forgot password? answers the same whether the username exists",
    needsDev: false,
    async run({ browser }) {
      const b = browser();
      await b.call("startRecovery", {
        body: { kind: "reset", username: `nobody.${Date.now()}@example.test` },
      });
      await b.call("getRecovery");
    },
  },
  {
    name: "sign-in with Google Authenticator, then sign out",
    needsDev: true,
    async run({ browser, dev }) {
      const user = await dev!.user({ methods: ["google_authenticator"] });
      const b = browser();
      await signInWithAuthenticator(dev!, b, user);
      const me = await b.call<{ login: string }>("getMe");
      assert(me.body.login === user.login, "GET /api/me is another user");
      await b.call("listActivity");
      await b.call("getPreferences");
      await b.call("signOut");
      await b.call("getMe", { expect: [401, "UNAUTHENTICATED"] });
    },
  },
  {
    name: "sign-in with an Okta Verify code; a wrong code is refused",
    needsDev: true,
    async run(ctx) {
      const { method, b } = await atFactor(ctx, "okta_verify");
      const code = await ctx.dev!.totp(method.secret ?? "");
      const wrong = code === "000000" ? "111111" : "000000";
      await b.call("verifyCode", {
        body: { methodId: method.id, code: wrong },
        expect: [401, "INVALID_CODE"],
      });
      signedIn(
        (await b.call<AuthnState>("verifyCode", { body: { methodId: method.id, code } })).body,
      );
    },
  },
  {
    name: "sign-in with an Okta Verify push, approved with its number",
    needsDev: true,
    async run(ctx) {
      const { method, b } = await atFactor(ctx, "okta_verify");
      const sent = await b.call<AuthnState>("sendChallenge", {
        body: { methodId: method.id, mode: "push" },
      });
      const number = sent.body.challenge?.pushNumber;
      assert(number !== undefined, "A push challenge shows its number");
      const waiting = await b.call<AuthnState>("pollPush");
      assert(waiting.body.status === "FACTOR", "Before the phone answers, the push waits");
      const push = await ctx.dev!.latest("push", method.deviceName ?? "");
      await ctx.dev!.approvePush(push.id, number);
      signedIn((await b.call<AuthnState>("pollPush")).body);
    },
  },
  phoneFlow("sms", 6),
  phoneFlow("voice", 5),
  {
    name: "sign-in with a recovery code, used once",
    needsDev: true,
    async run({ browser, dev }) {
      const user = await dev!.user({ recoveryCodes: true });
      const [code] = user.recoveryCodes ?? [];
      assert(code, "The user was created with recovery codes");
      const b = browser();
      await toFactor(b, user.login, user.password ?? "");
      signedIn((await b.call<AuthnState>("verifyRecoveryCode", { body: { code } })).body);
      const again = browser();
      await toFactor(again, user.login, user.password ?? "");
      await again.call("verifyRecoveryCode", { body: { code }, expect: [401, "INVALID_CODE"] });
    },
  },
  {
    name: "wrong passwords lock the account for 15 minutes, with an email",
    needsDev: true,
    async run({ browser, dev }) {
      const user = await dev!.user();
      const b = browser();
      await b.call("identify", { body: { username: user.login } });
      // The threshold is the backend's (FINRA's: 5); the answer after it is ACCOUNT_LOCKED.
      for (let attempt = 0; attempt < 20; attempt += 1) {
        const refused = await b
          .call("verifyPassword", {
            body: { password: `Wrong-password-${attempt}` },
            expect: [401, "INVALID_CREDENTIALS"],
          })
          .then(() => null)
          .catch((error: unknown) => error);
        if (refused === null) continue;
        if (refused instanceof Error && refused.message.endsWith("got 403 ACCOUNT_LOCKED")) break;
        throw refused;
      }
      await b.call("verifyPassword", {
        body: { password: user.password },
        expect: [403, "ACCOUNT_LOCKED"],
      });
      const email = await dev!.latest("email", user.login);
      assert(/Locked/i.test(email.subject ?? ""), "An Account Locked email");
      await dev!.advance(15 * 60 + 1);
      await toFactor(browser(), user.login, user.password ?? "");
    },
  },
  {
    name: "a locked user (scenario) is refused until it unlocks",
    needsDev: true,
    async run({ browser, dev }) {
      const user = await dev!.user({ locked: true });
      const b = browser();
      await b.call("identify", { body: { username: user.login } });
      await b.call("verifyPassword", {
        body: { password: user.password },
        expect: [403, "ACCOUNT_LOCKED"],
      });
    },
  },
  {
    name: "Settings need “Verify it's you”; a change needs its own verification",
    needsDev: true,
    async run({ browser, dev }) {
      const user = await dev!.user({ methods: ["google_authenticator", "sms"] });
      const b = browser();
      const method = await signInWithAuthenticator(dev!, b, user);
      await b.call("getAccount", { expect: [403, "STEP_UP_REQUIRED"] });
      await stepUp(dev!, b, method.id, method.secret ?? "", "view");
      await b.call("getAccount");
      const phone = methodOf(user, "phone", "sms");
      await b.call("removeMethod", { params: { id: phone.id }, expect: [403, "STEP_UP_REQUIRED"] });
    },
  },
  {
    name: "Get Token, the token endpoint, downloads, Revoke Token",
    needsDev: true,
    async run({ browser, dev }) {
      const user = await dev!.user({ apiFacilities: ["TRACE-CA", "ADF"] });
      const b = browser();
      const method = await signInWithAuthenticator(dev!, b, user);
      const catalog = (await b.call<ApiCatalog>("getApiCatalog")).body;
      const facility = catalog.facilities.find((f) => f.entitled);
      const file = facility?.files.find((f) => !f.daily) ?? facility?.files[0];
      assert(facility && file, "An entitled facility with a file");
      await b.call("downloadManually", {
        query: { facility: facility.id, file: file.id, action: "download" },
      });
      await b.call("getToken", { expect: [403, "STEP_UP_REQUIRED"] });
      await stepUp(dev!, b, method.id, method.secret ?? "", "token");
      const tokens = (await b.call<RefreshTokens>("getToken")).body;
      const refresh = tokens.current?.token;
      assert(refresh, "Get Token shows the new token in full");
      await b.call("listRefreshTokens");
      const script = browser();
      const access = (
        await script.call<{ access_token: string }>("exchangeRefreshToken", {
          body: { grant_type: "refresh_token", refresh_token: refresh },
        })
      ).body.access_token;
      await script.call("downloadFile", {
        params: { facility: facility.id, file: file.id },
        headers: { Authorization: `Bearer ${access}` },
      });
      const unentitled = catalog.facilities.find((f) => !f.entitled);
      if (unentitled?.files[0])
        await script.call("downloadFile", {
          params: { facility: unentitled.id, file: unentitled.files[0].id },
          headers: { Authorization: `Bearer ${access}` },
          expect: [403, "insufficient_scope"],
        });
      await b.call("revokeToken");
      await script.call("exchangeRefreshToken", {
        body: { grant_type: "refresh_token", refresh_token: refresh },
        expect: [400, "invalid_grant"],
      });
      await script.call("downloadFile", {
        params: { facility: facility.id, file: file.id },
        headers: { Authorization: `Bearer ${access}` },
        expect: [401, "invalid_token"],
      });
    },
  },
  {
    name: "an invitation's activation link starts the set-up",
    needsDev: true,
    async run({ browser, dev }) {
      const user = await dev!.user({ state: "invited" });
      const token = user.activationLink?.split("/").pop();
      assert(token, "An invited user has an activation link");
      const b = browser();
      await b.call("activate", { body: { token } });
      await b.call("getSetUp");
      await b.call("listSecurityQuestions");
      await browser().call("activate", { body: { token }, expect: [410, "ACTIVATION_USED"] });
    },
  },
  {
    name: "activation: password rules, security question, Google Authenticator, finish",
    needsDev: true,
    async run({ browser, dev }) {
      const user = await dev!.user({ state: "invited", firstName: "Robin" });
      const b = browser();
      await b.call("activate", { body: { token: user.activationLink?.split("/").pop() } });
      await b.call("setPassword", {
        body: { password: "Robin-is-short1" },
        expect: [400, "PASSWORD_POLICY"],
      });
      await b.call("setPassword", { body: { password: "Correct-Horse-7-Battery" } });
      const { questions } = (await b.call<{ questions: string[] }>("listSecurityQuestions")).body;
      await b.call("setSecurityQuestion", { body: { question: questions[0], answer: "Tulips" } });
      await b.call("finishSetUp", { expect: [409, "ENROLLMENT_INCOMPLETE"] });
      const { key } = (await b.call<{ key: string }>("startGoogleAuthenticator")).body;
      await b.call("verifyGoogleAuthenticator", { body: { code: await dev!.totp(key) } });
      signedIn((await b.call<AuthnState>("finishSetUp")).body);
      await b.call("getMe");
    },
  },
  {
    name: "Reset password after its own verification (password and method), with an email",
    needsDev: true,
    async run({ browser, dev }) {
      const user = await dev!.user();
      const b = browser();
      const method = await signInWithAuthenticator(dev!, b, user);
      const newPassword = "Another-Passw0rd-2025";
      await b.call("resetPassword", {
        body: { password: newPassword, signOutOtherDevices: true },
        expect: [403, "STEP_UP_REQUIRED"],
      });
      const started = await b.call<AuthnState>("startStepUp", {
        body: { purpose: "change", change: { kind: "resetPassword" } },
      });
      assert(started.body.status === "PASSWORD", "A change verification asks the password first");
      await b.call("verifyPasswordForStepUp", { body: { password: user.password } });
      const code = await dev!.totp(method.secret ?? "");
      await b.call("verifyCodeForStepUp", { body: { methodId: method.id, code } });
      await b.call("resetPassword", { body: { password: newPassword, signOutOtherDevices: true } });
      const email = await dev!.latest("email", user.login);
      assert(/Password reset/i.test(email.subject ?? ""), "A password reset email");
      await toFactor(browser(), user.login, newPassword);
    },
  },
  {
    name: "Nasdaq: the Two-Factor Authentication window refuses a wrong login with one answer",
    needsDev: false,
    async run({ browser }) {
      const b = browser();
      const state = await b.call<{ session: unknown }>("getNasdaqSession");
      assert(state.body.session === null, "A new browser has no Nasdaq session");
      await b.call("nasdaqLogin", {
        body: {
          username: `nobody.${Date.now()}@example.test`,
          password: "Not-the-password-1",
          passcode: "123456",
        },
        expect: [401, "INVALID_CREDENTIALS"],
      });
      await b.call("getNasdaqEnrollment", { expect: [401, "UNAUTHENTICATED"] });
      await b.call("nasdaqSignOut");
    },
  },
  {
    name: "administrators: not signed in, every /api/admin endpoint is 401",
    needsDev: false,
    async run({ browser }) {
      const b = browser();
      await b.call("searchUsers", { expect: [401, "UNAUTHENTICATED"] });
      await b.call("getUser", { params: { id: "anyone" }, expect: [401, "UNAUTHENTICATED"] });
      await b.call("searchAuditLog", { expect: [401, "UNAUTHENTICATED"] });
      await b.call("listFirms", { expect: [401, "UNAUTHENTICATED"] });
      await b.call("suspend", {
        params: { id: "anyone" },
        body: { reason: "contract suite" },
        expect: [401, "UNAUTHENTICATED"],
      });
    },
  },
  {
    name: "administrators: a firm administrator searches, opens a user, makes a verified change, and the audit log shows it",
    needsDev: true,
    async run({ browser, dev }) {
      const user = await dev!.user({ firmId: "your-firm", lastName: `Contract${Date.now()}` });
      const userBrowser = browser();
      await signInWithAuthenticator(dev!, userBrowser, user);
      const pat = browser();
      const patMethod = await signInAs(dev!, pat, PAT);
      const found = (
        await pat.call<UserSearchAnswer>("searchUsers", { query: { query: user.login } })
      ).body;
      assert(
        found.items.some((u) => u.id === user.id),
        "The search by email finds the firm's user",
      );
      const detail = (await pat.call<UserDetail>("getUser", { params: { id: user.id } })).body;
      assert(detail.login === user.login, "GET /api/admin/users/{id} is another user");
      await pat.call("getUser", { params: { id: "no-such-user" }, expect: [404, "NOT_FOUND"] });
      const reason = { reason: "contract suite: lost laptop" };
      await pat.call("signOutEverywhere", {
        params: { id: user.id },
        body: reason,
        expect: [403, "STEP_UP_REQUIRED"],
      });
      await adminStepUp(dev!, pat, PAT, patMethod, "signOutEverywhere", user.id);
      await pat.call("signOutEverywhere", { params: { id: user.id }, body: reason });
      // The verification was used up: the same change again needs a new one.
      await pat.call("signOutEverywhere", {
        params: { id: user.id },
        body: reason,
        expect: [403, "STEP_UP_REQUIRED"],
      });
      await userBrowser.call("getMe", { expect: [401, "UNAUTHENTICATED"] });
      const audit = (
        await pat.call<AuditPage>("searchAuditLog", {
          query: { user: user.login, action: "signOutEverywhere" },
        })
      ).body;
      const results = audit.items.map((e) => `${e.result} ${e.error ?? ""}`.trim());
      assert(results.includes("success"), "The audit log shows the change");
      assert(
        results.includes("failure STEP_UP_REQUIRED"),
        "The audit log shows the refused attempt",
      );
      const csv = (
        await pat.call<string>("downloadAuditLog", {
          query: { user: user.login, action: "signOutEverywhere" },
        })
      ).body;
      assert(csv.includes(user.login), "The audit CSV has the change");
      await pat.call("listFirms");
      await pat.call("getFirm", { params: { firmId: "your-firm" } });
    },
  },
  {
    name: "administrators: after a reset of security methods the sign-in asks a code emailed to the user, then the set-up",
    needsDev: true,
    async run({ browser, dev }) {
      const user = await dev!.user({ firmId: "your-firm" });
      const pat = browser();
      const patMethod = await signInAs(dev!, pat, PAT);
      await adminStepUp(dev!, pat, PAT, patMethod, "resetMethods", user.id);
      const reset = await pat.call<UserDetail>("resetMethods", {
        params: { id: user.id },
        body: { reason: "contract suite: lost phone" },
      });
      assert(reset.body.methods.length === 0, "No security method is left");
      const b = browser();
      const state = await toFactor(b, user.login, user.password ?? "");
      assert(state.emailCode, "The sign-in says a code was emailed");
      await b.call("resendEmailCode", { expect: [429, "RATE_LIMITED"] });
      const { code } = await dev!.latest("email", user.login);
      assert(code, "The email has a code");
      await b.call("verifyEmailCode", {
        body: { code: code === "000000" ? "111111" : "000000" },
        expect: [401, "INVALID_CODE"],
      });
      await dev!.advance(31);
      await b.call("resendEmailCode");
      const again = await dev!.latest("email", user.login);
      assert(again.code && again.id !== undefined, "A new code is emailed");
      const enrolling = await b.call<AuthnState>("verifyEmailCode", { body: { code: again.code } });
      assert(enrolling.body.status === "ENROLL", `After the code: ${enrolling.body.status}`);
    },
  },
  {
    name: "administrators: another firm's administrator gets 404 for a Your Firm user",
    needsDev: true,
    async run({ browser, dev }) {
      const user = await dev!.user({ firmId: "your-firm" });
      const olga = browser();
      await signInAs(dev!, olga, OLGA);
      await olga.call("getUser", { params: { id: user.id }, expect: [404, "NOT_FOUND"] });
      await olga.call("suspend", {
        params: { id: user.id },
        body: { reason: "contract suite" },
        expect: [404, "NOT_FOUND"],
      });
      await olga.call("getFirm", { params: { firmId: "your-firm" }, expect: [404, "NOT_FOUND"] });
      const found = (
        await olga.call<UserSearchAnswer>("searchUsers", { query: { query: user.login } })
      ).body;
      assert(found.total === 0, "Olga's search does not find another firm's user");
    },
  },
  {
    name: "administrators: a user who is not an administrator gets 403",
    needsDev: true,
    async run({ browser, dev }) {
      const jane = browser();
      await signInAs(dev!, jane, JANE);
      await jane.call("searchUsers", { expect: [403, "FORBIDDEN"] });
      await jane.call("searchAuditLog", { expect: [403, "FORBIDDEN"] });
      await jane.call("listFirms", { expect: [403, "FORBIDDEN"] });
      const colleague = await dev!.user({ firmId: "your-firm" });
      await jane.call("getUser", { params: { id: colleague.id }, expect: [403, "FORBIDDEN"] });
      await jane.call("signOutEverywhere", {
        params: { id: colleague.id },
        body: { reason: "contract suite" },
        expect: [403, "FORBIDDEN"],
      });
    },
  },
];

/** Runs every flow against the backend at `baseUrl`; each flow gets fresh browsers. */
export async function runSuite(
  baseUrl: string,
  { namespace }: { namespace?: string } = {},
): Promise<{ results: Result[]; uncalled: string[] }> {
  const headers: Record<string, string> = namespace ? { "X-Mock-Namespace": namespace } : {};
  const clients: ContractClient[] = [];
  const browser = () => {
    const client = new ContractClient(baseUrl, headers);
    clients.push(client);
    return client;
  };
  const probe = browser();
  const hasDev = await probe
    .call("devGetClock")
    .then(() => true)
    .catch(() => false);
  const dev = hasDev ? new Dev(browser()) : null;

  const results: Result[] = [];
  for (const flow of flows) {
    if (flow.needsDev && !dev) {
      results.push({
        name: flow.name,
        status: "skipped",
        message: "the backend has no development endpoints (/__dev/...)",
      });
      continue;
    }
    try {
      await flow.run({ browser, dev });
      results.push({ name: flow.name, status: "passed" });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.push({ name: flow.name, status: "failed", message });
    }
  }
  const called = new Set(clients.flatMap((c) => [...c.called]));
  const uncalled = operations
    .filter((op) => op.caller !== "development" && !called.has(op.id))
    .map((op) => `${op.method.toUpperCase()} ${op.path}`);
  return { results, uncalled };
}
