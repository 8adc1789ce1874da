import { beforeEach, describe, expect, it } from "vitest";
import { SEED_PASSWORD, seedState } from "../db/seed";
import { userByLogin } from "../db/sessions";
import type { MockState, User } from "../db/state";
import {
  activateToken,
  activationString,
  checkPasscode,
  enrollmentStep,
  issueToken,
  liveToken,
  mobilePassUri,
  nasdaqLockedUntil,
  nasdaqLogin,
  proveToken,
  resendActivation,
  revokeToken,
  storeTwoFactorPassword,
  tokenStatus,
  twoFactorPasswordRulesBroken,
  unlockNasdaqLogin,
} from "./mobilepass";
import { DAY, MINUTE, POLICY } from "./policy";
import { generateTotp } from "./totp";

const NOW = Date.UTC(2026, 11, 2, 12, 0, 10);
const TWO_FA_PASSWORD = "Nasdaq-2fa-Pass-77";

let state: MockState;
let sam: User;
const ctx = (now = NOW) => ({ state, now, userAgent: "Vitest" });
const lastEmail = () => state.outbox.at(-1);

beforeEach(async () => {
  state = await seedState(NOW);
  const found = userByLogin(state, "sam.lee@yourfirm.org");
  if (!found) throw new Error("Sam is seeded");
  sam = found;
});

/** Issue, activate with the emailed code, set the 2FA-Password, prove with a passcode. */
async function enrolledToken(now = NOW) {
  const token = await issueToken(ctx(now), sam, "help-desk");
  const code = lastEmail()?.code ?? "";
  expect(await activateToken(state, sam, code, now)).toBe("activated");
  await storeTwoFactorPassword(sam, TWO_FA_PASSWORD, now);
  expect(proveToken(ctx(now), sam, token, generateTotp(token.secret, now))).toBe("ok");
  return token;
}

describe("issuing and activating", () => {
  it("emails a self-enrollment link and a single-use activation code, and records the issue", async () => {
    const token = await issueToken(ctx(), sam, "help-desk");
    const email = lastEmail();
    expect(email).toMatchObject({ to: sam.email, subject: "Nasdaq 2FA - Your MobilePASS token" });
    expect(email?.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(email?.link).toBe(`/nasdaq/enroll/${email?.code ?? ""}`);
    expect(email?.text).toContain("Q-Port");
    expect(token.secret).toMatch(/^[A-Z2-7]{32}$/);
    // Only a hash of the code is kept.
    expect(JSON.stringify(state.mobilePassTokens)).not.toContain(email?.code ?? "?");
    expect(state.activity.at(-1)).toMatchObject({ userId: sam.id, type: "mobilepass_issued" });
    expect(enrollmentStep(sam, token)).toBe("ACTIVATE");
  });

  it("takes the code once, typed in any case and without dashes", async () => {
    await issueToken(ctx(), sam, "help-desk");
    const code = lastEmail()?.code ?? "";
    expect(await activateToken(state, sam, "WRONG-CODE-0000", NOW)).toBe("invalid");
    const typed = code.replaceAll("-", "").toLowerCase();
    expect(await activateToken(state, sam, typed, NOW)).toBe("activated");
    expect(await activateToken(state, sam, code, NOW)).toBe("used");
    expect(enrollmentStep(sam, liveToken(state, sam.id))).toBe("PASSWORD");
  });

  it("refuses the code after 7 days", async () => {
    await issueToken(ctx(), sam, "help-desk");
    const code = lastEmail()?.code ?? "";
    const later = NOW + POLICY.mobilePassActivationDays * DAY + MINUTE;
    expect(await activateToken(state, sam, code, later)).toBe("expired");
    expect(await activateToken(state, sam, code, NOW + 6 * DAY)).toBe("activated");
  });

  it("Resend voids the earlier code; a revoked token's code says so", async () => {
    const token = await issueToken(ctx(), sam, "help-desk");
    const first = lastEmail()?.code ?? "";
    expect(await resendActivation(ctx(), sam, token)).toBe("sent");
    const second = lastEmail()?.code ?? "";
    expect(second).not.toBe(first);
    expect(await activateToken(state, sam, first, NOW)).toBe("invalid");
    revokeToken(ctx(), sam, token, false);
    expect(await activateToken(state, sam, second, NOW)).toBe("revoked");
    expect(liveToken(state, sam.id)).toBeNull();
    expect(await activateToken(state, sam, "ABCD-EFGH-JKMN", NOW)).toBe("noToken");
  });
});

describe("enrolling", () => {
  it("holds the 2FA-Password to the guide's policy, over its own history", async () => {
    expect(await twoFactorPasswordRulesBroken(sam, "short", NOW)).toEqual(
      expect.arrayContaining(["minLength", "uppercase", "number"]),
    );
    expect(await twoFactorPasswordRulesBroken(sam, "Sam-Lee-Password-1", NOW)).toContain(
      "noFirstName",
    );
    expect(await twoFactorPasswordRulesBroken(sam, TWO_FA_PASSWORD, NOW)).toEqual([]);
    await storeTwoFactorPassword(sam, TWO_FA_PASSWORD, NOW);
    expect(await twoFactorPasswordRulesBroken(sam, TWO_FA_PASSWORD, NOW)).toEqual(["history"]);
    // The Okta password's history is its own.
    expect(await twoFactorPasswordRulesBroken(sam, SEED_PASSWORD, NOW)).toEqual([]);
  });

  it("completes only with a passcode of the new token, and gives the app its seed", async () => {
    const token = await issueToken(ctx(), sam, "help-desk");
    expect(activationString(token).replaceAll(" ", "")).toBe(token.secret);
    const uri = new URL(mobilePassUri(token));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("issuer")).toBe("Nasdaq MobilePASS");
    expect(uri.searchParams.get("secret")).toBe(token.secret);
    expect(proveToken(ctx(), sam, token, "000000")).toBe("invalid");
    expect(tokenStatus(token)).not.toBe("enrolled");
    expect(proveToken(ctx(), sam, token, generateTotp(token.secret, NOW))).toBe("ok");
    expect(tokenStatus(token)).toBe("enrolled");
    expect(state.activity.at(-1)).toMatchObject({ type: "mobilepass_enrolled" });
  });
});

describe("passcodes", () => {
  it("accept the current step and one either side, each once, not two steps away", async () => {
    const token = await enrolledToken();
    const later = NOW + 5 * MINUTE;
    const at = (seconds: number) => generateTotp(token.secret, later + seconds * 1000);
    expect(checkPasscode(token, at(-60), later)).toBe("invalid");
    expect(checkPasscode(token, at(60), later)).toBe("invalid");
    expect(checkPasscode(token, at(-30), later)).toBe("ok");
    expect(checkPasscode(token, at(-30), later)).toBe("replayed");
    expect(checkPasscode(token, at(0), later)).toBe("ok");
    expect(checkPasscode(token, at(0), later)).toBe("replayed");
    expect(checkPasscode(token, at(30), later)).toBe("ok");
  });
});

describe("the Two-Factor Authentication window", () => {
  const later = NOW + 10 * MINUTE;
  const login = async (password: string, passcode: string, username = sam.login, now = later) =>
    nasdaqLogin(ctx(now), { username, password, passcode });

  it("logs in with all three right, and refuses the same passcode the second time", async () => {
    const token = await enrolledToken();
    const passcode = generateTotp(token.secret, later);
    expect(await login(TWO_FA_PASSWORD, passcode)).toMatchObject({ result: "ok" });
    expect(token.lastUsedAt).toBe(later);
    expect(await login(TWO_FA_PASSWORD, passcode)).toEqual({ result: "failed" });
  });

  it("answers the same whatever part is wrong, and a wrong password spends no passcode", async () => {
    const token = await enrolledToken();
    const passcode = generateTotp(token.secret, later);
    expect(await login("Wrong-Passw0rd-99", passcode)).toEqual({ result: "failed" });
    expect(await login(TWO_FA_PASSWORD, "123456")).toEqual({ result: "failed" });
    expect(await login(TWO_FA_PASSWORD, passcode, "nobody@yourfirm.org")).toEqual({
      result: "failed",
    });
    expect(await login(TWO_FA_PASSWORD, passcode)).toMatchObject({ result: "ok" });
  });

  it("locks after 5 failures, emails the user, and unlocks after 15 minutes or by the help desk", async () => {
    const token = await enrolledToken();
    for (let i = 0; i < 4; i++)
      expect(await login("Wrong-Passw0rd-99", "123456")).toEqual({ result: "failed" });
    expect(state.outbox.some((m) => m.subject === "Nasdaq 2FA - Login locked")).toBe(false);
    expect(await login("Wrong-Passw0rd-99", "123456")).toEqual({ result: "failed" });
    expect(lastEmail()).toMatchObject({ to: sam.email, subject: "Nasdaq 2FA - Login locked" });
    expect(state.activity.at(-1)).toMatchObject({ type: "nasdaq_locked" });

    // Locked: even all three right are refused.
    const passcode = generateTotp(token.secret, later);
    expect(await login(TWO_FA_PASSWORD, passcode)).toEqual({
      result: "locked",
      retryAfterSeconds: 15 * 60,
    });
    expect(nasdaqLockedUntil(state, sam, later)).toBe(later + 15 * MINUTE);
    const after = later + 15 * MINUTE + 1000;
    expect(nasdaqLockedUntil(state, sam, after)).toBeNull();
    expect(
      await login(TWO_FA_PASSWORD, generateTotp(token.secret, after), sam.login, after),
    ).toMatchObject({ result: "ok" });

    for (let i = 0; i < 5; i++) await login("Wrong-Passw0rd-99", "123456");
    expect(nasdaqLockedUntil(state, sam, later)).not.toBeNull();
    unlockNasdaqLogin(state, sam);
    expect(nasdaqLockedUntil(state, sam, later)).toBeNull();
  });

  it("does not take the Okta sign-in's failures, nor give it its own", async () => {
    await enrolledToken();
    for (let i = 0; i < 5; i++) await login("Wrong-Passw0rd-99", "123456");
    expect(state.loginAttempts[sam.login]).toBeUndefined();
  });

  it("refuses a revoked token at once, and ends the user's Nasdaq sessions", async () => {
    const token = await enrolledToken();
    state.nasdaqSessions.push({ id: "s", userId: sam.id, createdAt: NOW, lastSeenAt: NOW });
    revokeToken(ctx(), sam, token, false);
    expect(state.nasdaqSessions).toEqual([]);
    expect(lastEmail()?.subject).toBe("Nasdaq 2FA - Your MobilePASS token was revoked");
    const passcode = generateTotp(token.secret, later);
    expect(await login(TWO_FA_PASSWORD, passcode)).toEqual({ result: "failed" });
  });

  it("refuses a token that was issued but not enrolled", async () => {
    const token = await issueToken(ctx(), sam, "help-desk");
    await storeTwoFactorPassword(sam, TWO_FA_PASSWORD, NOW);
    const passcode = generateTotp(token.secret, later);
    expect(await login(TWO_FA_PASSWORD, passcode)).toEqual({ result: "failed" });
  });
});
