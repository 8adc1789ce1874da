import {
  brokenPasswordRules,
  PASSWORD_POLICY,
  type PasswordOwner,
  type PasswordRule,
} from "../../src/api/password-policy";
import { endSessions } from "../db/sessions";
import type { SecretHash, Session, User } from "../db/state";
import type { Context } from "./context";
import { hashSecret, secretMatches } from "./crypto";
import { notifySecurityChange } from "./notifications";
import { DAY } from "./policy";
import { Refusal } from "./refusal";

/** A password's stored past: the last ones (newest first) and when it last changed. */
export type PasswordRecord = { history: SecretHash[]; changedAt?: number };

/**
 * The rules a new password breaks, the stored ones included (history and minimum age): the guide's
 * policy, for the Okta password and the Nasdaq 2FA-Password alike.
 */
export async function passwordRulesBroken(
  owner: PasswordOwner,
  stored: PasswordRecord,
  password: string,
  now: number,
  { minimumAge = true }: { minimumAge?: boolean } = {},
): Promise<PasswordRule[]> {
  const broken = brokenPasswordRules(password, owner);
  for (const old of stored.history.slice(0, PASSWORD_POLICY.historyCount)) {
    if (await secretMatches(password, old)) {
      broken.push("history");
      break;
    }
  }
  if (
    minimumAge &&
    stored.changedAt !== undefined &&
    now - stored.changedAt < PASSWORD_POLICY.minAgeDays * DAY
  ) {
    broken.push("minAge");
  }
  return broken;
}

/** A new password's hash, first in the history (the last 7 are kept). */
export async function withNewPassword(
  history: SecretHash[],
  password: string,
): Promise<{ current: SecretHash; history: SecretHash[] }> {
  const current = await hashSecret(password);
  return { current, history: [current, ...history].slice(0, PASSWORD_POLICY.historyCount) };
}

/** Refuses a new password that breaks any rule, naming the rules (400 PASSWORD_POLICY). */
export async function assertPasswordAllowed(
  user: User,
  password: string,
  now: number,
  options: { minimumAge?: boolean } = {},
): Promise<void> {
  const stored = { history: user.passwordHistory, changedAt: user.passwordChangedAt };
  const broken = await passwordRulesBroken(user, stored, password, now, options);
  if (broken.length > 0) {
    throw new Refusal(400, "PASSWORD_POLICY", "The password does not meet the requirements.", {
      rules: broken,
    });
  }
}

/** Stores a new password: current, first in the history (the last 7 are kept), with its date. */
export async function storePassword(user: User, password: string, now: number): Promise<void> {
  const { current, history } = await withNewPassword(user.passwordHistory, password);
  user.password = current;
  user.passwordHistory = history;
  user.passwordChangedAt = now;
}

/**
 * Reset Password in Settings: every rule, then optionally "Sign me out of all other devices".
 * `verified` uses up the verification made for it, once the password is allowed.
 */
export async function resetPassword(
  ctx: Context,
  session: Session,
  user: User,
  { password, signOutOtherDevices }: { password: string; signOutOtherDevices: boolean },
  verified: () => void,
): Promise<void> {
  await assertPasswordAllowed(user, password, ctx.now);
  verified();
  await storePassword(user, password, ctx.now);
  if (signOutOtherDevices) endSessions(ctx.state, user.id, session);
  notifySecurityChange(ctx, {
    user: user,
    type: "password_reset",
    what: "Password",
    subject: "FINRA TRAQS - Password reset",
  });
}
