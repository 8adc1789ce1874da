import {
  brokenPasswordRules,
  PASSWORD_POLICY,
  type PasswordOwner,
  type PasswordRule,
} from "../../src/api/password-policy";
import type { SecretHash } from "../db/state";
import { hashSecret, secretMatches } from "./crypto";
import { DAY } from "./policy";

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
