import type { AccessMethod } from "../db/state";
import { expect } from "vitest";
import type { AccountChange } from "../../src/api/contracts/account";
import type { AuthnState, Factor } from "../../src/api/contracts/authn";
import { oktaVerify, phone } from "../db/factories";
import { SEED_PASSWORD } from "../db/seed";
import { generateTotp, TOTP_PERIOD_SECONDS } from "../rules/totp";
import type { MockBackend } from "./backend";
import { authnState, type Browser } from "./client";

/** The seeded accounts (mocks/db/seed.ts). */
export const JANE = {
  login: "jane.doe@yourfirm.org",
  password: SEED_PASSWORD,
  totpKey: "JBSWY3DPEHPK3PXP",
  phone: "+12025550143",
};
export const SAM = {
  login: "sam.lee@yourfirm.org",
  password: SEED_PASSWORD,
  totpKey: "KRSXG5CTMVRXEZLU",
};
export const JOHN = { login: "john.smith@yourfirm.org", password: SEED_PASSWORD };
/** The seeded administrators (issue 16): Your Firm's SAA, the help desk, Other Firm's SAA. */
export const PAT = {
  login: "pat.admin@yourfirm.org",
  password: SEED_PASSWORD,
  totpKey: "KBQXIIDBMRWWS3TZ",
};
export const HANK = {
  login: "hank.help@support.example",
  password: SEED_PASSWORD,
  totpKey: "NBUGK3DQMRSXG2ZR",
};
export const OLGA = {
  login: "olga.admin@otherfirm.example",
  password: SEED_PASSWORD,
  totpKey: "N5WGOYLBMRWWS3TZ",
};
export const NOBODY = { login: "nobody@yourfirm.org", password: SEED_PASSWORD };
/** A password no seeded user has. */
export const WRONG_PASSWORD = "Wrong-Passw0rd-2024";

type Account = { login: string; password: string };

export const identify = (browser: Browser, username: string) =>
  browser.post("/api/authn/identify", { username });

export const submitPassword = (browser: Browser, password: string) =>
  browser.post("/api/authn/password", { password });

export const verifyCode = (browser: Browser, methodId: string, code: string) =>
  browser.post("/api/authn/verify", { methodId, code });

export const challenge = (browser: Browser, methodId: string, mode?: "code" | "push") =>
  browser.post("/api/authn/challenge", mode ? { methodId, mode } : { methodId });

/** Username, then password: the browser stands at the second-factor step. */
export async function signInToFactor(browser: Browser, account: Account): Promise<AuthnState> {
  expect(authnState(await identify(browser, account.login)).status).toBe("PASSWORD");
  const state = authnState(await submitPassword(browser, account.password));
  expect(state.status).toBe("FACTOR");
  return state;
}

/** The id of the listed factor of this type (and phone channel). */
export function factorId(state: AuthnState, type: Factor["type"], channel?: "sms" | "voice") {
  const factor = state.factors.find(
    (f) => f.type === type && (channel === undefined || f.channel === channel),
  );
  if (!factor) throw new Error(`No ${type} factor in ${JSON.stringify(state.factors)}`);
  return factor.id;
}

/** A whole sign-in with the account's authenticator app. */
export async function signIn(
  backend: MockBackend,
  browser: Browser,
  account: Account & { totpKey: string },
): Promise<AuthnState> {
  const factors = await signInToFactor(browser, account);
  const code = await backend.totp(account.totpKey);
  const state = authnState(
    await verifyCode(browser, factorId(factors, "google_authenticator"), code),
  );
  expect(state.status).toBe("SUCCESS");
  return state;
}

/** A six-digit code that no step near `nowMs` gives (so neither accepted nor taken for skew). */
export function wrongTotp(base32Key: string, nowMs: number, nearSteps = 40): string {
  const near = new Set<string>();
  for (let step = -nearSteps; step <= nearSteps; step++)
    near.add(generateTotp(base32Key, nowMs + step * TOTP_PERIOD_SECONDS * 1000));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, "0");
    if (!near.has(candidate)) return candidate;
  }
}

/** The same length of code with its last digit changed: certainly not the code sent. */
export function otherCode(code: string): string {
  const last = Number(code.slice(-1));
  return code.slice(0, -1) + String((last + 1) % 10);
}

/** Enrolls a method for a seeded user directly in the database; returns its id. */
async function addMethod(
  backend: MockBackend,
  login: string,
  make: (now: number) => AccessMethod,
): Promise<string> {
  return backend.change((state) => {
    const user = state.users.find((u) => u.login === login);
    if (!user) throw new Error(`No user ${login}`);
    const method = make(backend.db.now(state));
    user.methods.push(method);
    return method.id;
  });
}

export const addOktaVerify = (backend: MockBackend, login: string, secret: string) =>
  addMethod(backend, login, (now) => oktaVerify("Pixel 9", secret, now));

export const addPhone = (
  backend: MockBackend,
  login: string,
  e164: string,
  channel: "sms" | "voice",
) => addMethod(backend, login, (now) => phone(e164, channel, now));

/** Nothing this browser was ever answered holds one of these strings or a secret-bearing field. */
export function expectNoSecrets(browser: Browser, secrets: string[]): void {
  const everything = browser.responses.map((r) => r.text).join("\n");
  for (const secret of secrets) expect(everything).not.toContain(secret);
  for (const key of ["secret", "e164", "password", "codeHash", "hash", "salt", "correctNumber"])
    expect(everything).not.toContain(`"${key}"`);
}

/**
 * "Verify it's you" in this browser's session with the account's authenticator app: for Settings
 * ("view"), or for one change with the password first. A code works once, so the clock moves on
 * to the next one first.
 */
export async function verifyItsYou(
  backend: MockBackend,
  browser: Browser,
  account: Account & { totpKey: string },
  purpose: "view" | AccountChange,
): Promise<void> {
  const body = purpose === "view" ? { purpose } : { purpose: "change", change: purpose };
  let state = authnState(await browser.post("/api/step-up/start", body));
  if (purpose !== "view") {
    expect(state.status).toBe("PASSWORD");
    state = authnState(await browser.post("/api/step-up/password", { password: account.password }));
  }
  expect(state.status).toBe("FACTOR");
  await backend.advance(30);
  const done = authnState(
    await browser.post("/api/step-up/verify", {
      methodId: factorId(state, "google_authenticator"),
      code: await backend.totp(account.totpKey),
    }),
  );
  expect(done.status).toBe("SUCCESS");
}
