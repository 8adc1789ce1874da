import { recordActivity } from "../db/activity";
import { EMAIL_FOOTER, send } from "../db/outbox";
import type { LoginAttempts, MockState, User } from "../db/state";
import { MINUTE, POLICY } from "./policy";
import { Refusal } from "./refusal";

/** When the account behind this login unlocks by itself, or null if it is not locked. */
export function lockedUntil(state: MockState, login: string, now: number): number | null {
  return lockedUntilIn(state.loginAttempts, login, now);
}

/** The same, in any count of failures (the Okta sign-in's, the Nasdaq window's). */
export function lockedUntilIn(
  counts: Record<string, LoginAttempts>,
  key: string,
  now: number,
): number | null {
  const attempts = counts[key];
  return attempts && attempts.lockedUntil > now ? attempts.lockedUntil : null;
}

/** Counts one failure against `key`; returns whether it locked it (the count starts again). */
export function countFailure(
  counts: Record<string, LoginAttempts>,
  key: string,
  now: number,
  policy = POLICY,
): boolean {
  const attempts = counts[key] ?? { failures: 0, lockedUntil: 0 };
  attempts.failures += 1;
  counts[key] = attempts;
  if (attempts.failures < policy.lockoutThreshold) return false;
  attempts.failures = 0;
  attempts.lockedUntil = now + policy.lockoutMinutes * MINUTE;
  return true;
}

/**
 * Counts one failed password or code against the login. Unknown logins count and lock the same
 * way, so the answers never tell which addresses exist. Returns whether this failure locked it.
 */
export function recordFailure(
  state: MockState,
  login: string,
  user: User | null,
  now: number,
  userAgent: string,
  policy = POLICY,
): boolean {
  if (!countFailure(state.loginAttempts, login, now, policy)) return false;
  if (user) {
    recordActivity(state, { userId: user.id, type: "account_locked", at: now, userAgent });
    send(state, {
      channel: "email",
      to: user.email,
      userId: user.id,
      subject: "FINRA TRAQS - Account Locked",
      text:
        `Hi ${user.firstName},\n\nYour account ${user.login} has been locked after too many ` +
        `unsuccessful sign-in attempts.\nIt will unlock automatically after ${policy.lockoutMinutes} ` +
        'minutes. To unlock it sooner, select "Unlock account?" on the Sign In page.\n\n' +
        "If you did not try to sign in, your account may have been compromised; we recommend " +
        `reporting the suspicious activity to your organization.\n\n${EMAIL_FOOTER}`,
      sentAt: now,
    });
  }
  return true;
}

/** A completed sign-in starts the count again. */
export function clearFailures(state: MockState, login: string): void {
  delete state.loginAttempts[login];
}

/** Refuses anything of a locked account, saying when it unlocks by itself (403 ACCOUNT_LOCKED). */
export function assertNotLocked(state: MockState, login: string, now: number): void {
  const until = lockedUntil(state, login, now);
  if (until !== null) {
    throw new Refusal(403, "ACCOUNT_LOCKED", "Your account is locked.", {
      retryAfterSeconds: Math.ceil((until - now) / 1000),
    });
  }
}
