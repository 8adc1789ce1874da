import { beforeEach, describe, expect, it } from "vitest";
import { CreatedUser } from "../../src/api/contracts/scenarios";
import { MockBackend } from "../testing/backend";
import { apiError, authnState, type Browser } from "../testing/client";
import { challenge, identify, JANE, submitPassword, verifyCode } from "../testing/steps";

let backend: MockBackend;
let browser: Browser;
beforeEach(() => {
  backend = new MockBackend();
  browser = backend.browser();
});

async function create(described: unknown): Promise<CreatedUser> {
  const response = await browser.post("/__dev/users", described);
  expect(response.status, response.text).toBe(201);
  return CreatedUser.parse(response.json);
}

async function toFactor(user: CreatedUser) {
  authnState(await identify(browser, user.login));
  const state = authnState(await submitPassword(browser, user.password ?? ""));
  expect(state.status).toBe("FACTOR");
  return state;
}

describe("POST /__dev/users: a user in a described state", () => {
  it("enrolled with every kind of method, each with what a test needs to verify with it", async () => {
    const user = await create({
      methods: ["google_authenticator", "okta_verify", "sms", "voice"],
      recoveryCodes: true,
      apiFacilities: ["ADF"],
      traqsUsernames: [{ username: "QAONE", active: true }],
    });
    expect(user.state).toBe("enrolled");
    expect(user.methods.map((m) => [m.type, m.channel ?? null])).toEqual([
      ["google_authenticator", null],
      ["okta_verify", null],
      ["phone", "sms"],
      ["phone", "voice"],
    ]);
    expect(user.recoveryCodes).toHaveLength(10);
    const state = await toFactor(user);
    expect(state.factors.map((f) => f.id)).toEqual(user.methods.map((m) => m.id));

    const [authenticator, oktaVerify, sms] = user.methods;
    const code = await backend.totp(oktaVerify?.secret ?? "");
    expect(authnState(await verifyCode(browser, oktaVerify?.id ?? "", code)).status).toBe(
      "SUCCESS",
    );
    const me = (await browser.get("/api/me")).json as {
      traqsUsernames: unknown;
      apiAccess: boolean;
    };
    expect(me).toMatchObject({
      traqsUsernames: [{ username: "QAONE", active: true }],
      apiAccess: true,
    });

    // The other methods work too: the key, and the phone's code in the outbox.
    const other = backend.browser();
    authnState(await identify(other, user.login));
    authnState(await submitPassword(other, user.password ?? ""));
    authnState(await challenge(other, sms?.id ?? ""));
    const text = await backend.latest("sms", "");
    expect(authnState(await verifyCode(other, sms?.id ?? "", text.code ?? "")).status).toBe(
      "SUCCESS",
    );
    expect(authenticator?.secret).toMatch(/^[A-Z2-7]+=*$/);
  });

  it("invited: the invitation email is sent, and its link starts the set-up", async () => {
    const user = await create({ state: "invited", login: "Invited.QA@Example.test" });
    expect(user).toMatchObject({
      state: "invited",
      login: "invited.qa@example.test",
      password: null,
    });
    const email = await backend.latest("email", user.login);
    expect(email.link).toBe(user.activationLink);
    const token = user.activationLink?.split("/").pop();
    const response = await browser.post("/api/enroll/activate", { token });
    expect(response.status, response.text).toBe(200);
  });

  it("locked: refused until 15 minutes have passed", async () => {
    const user = await create({ locked: true });
    expect(Date.parse(user.lockedUntil ?? "")).toBe((await backend.now()) + 15 * 60_000);
    authnState(await identify(browser, user.login));
    apiError(await submitPassword(browser, user.password ?? ""), 403, "ACCOUNT_LOCKED");
    await backend.advance(15 * 60);
    await toFactor(user);
  });

  it("passwordChangedDaysAgo: the password was last changed that many days ago", async () => {
    const user = await create({ passwordChangedDaysAgo: 0, password: "Chosen-Passw0rd-QA1" });
    expect(user.password).toBe("Chosen-Passw0rd-QA1");
    const [method] = user.methods;
    await toFactor(user);
    authnState(
      await verifyCode(browser, method?.id ?? "", await backend.totp(method?.secret ?? "")),
    );
    const state = await backend.read((s) => s.users.find((u) => u.login === user.login));
    expect(state?.passwordChangedAt).toBe(await backend.now());
  });

  it("a username that exists is refused with 409; the seeded users stay as they are", async () => {
    const seeded = await backend.read((s) => s.users.map((u) => u.login));
    apiError(await browser.post("/__dev/users", { login: JANE.login }), 409, "ALREADY_ENROLLED");
    apiError(await browser.post("/__dev/users", { methods: ["fax"] }), 400, "VALIDATION");
    apiError(await browser.post("/__dev/users", { firmId: "no-such-firm" }), 400, "VALIDATION");
    const logins = await backend.read((s) => s.users.map((u) => u.login));
    expect(logins).toEqual(seeded);
    expect(logins).toContain(JANE.login);
  });
});
