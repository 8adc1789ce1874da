import { EMAIL_FOOTER, send } from "../db/outbox";
import type { MockState, RefreshTokenRecord, User } from "../db/state";
import { DAY, POLICY } from "./policy";

/** Six calendar months after `from` (the guide: "valid for 6 months from the date of issue"). */
export function sixMonthsAfter(from: number): number {
  const date = new Date(from);
  const day = date.getUTCDate();
  // Aug 31 + 6 months is Feb 28 (or 29), not Mar 3: clamp to the target month's last day.
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + POLICY.refreshTokenMonths);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}

export function isActive(token: RefreshTokenRecord, now: number): boolean {
  return token.revokedAt === null && token.endedReason === null && now < token.expiresAt;
}

/** The user's current (not revoked, not replaced) refresh token, expired or not. */
export function currentToken(state: MockState, userId: string): RefreshTokenRecord | null {
  return state.refreshTokens.find((t) => t.userId === userId && t.endedReason === null) ?? null;
}

/**
 * The reminder 15 days before a refresh token expires (guide Section 5, note), sent once. The mock
 * checks whenever tokens are looked at and whenever its clock moves, as a daily job would.
 */
export function remindExpiringTokens(state: MockState, now: number): void {
  for (const token of state.refreshTokens) {
    if (!isActive(token, now) || token.reminderSentAt !== null) continue;
    if (token.expiresAt - now > POLICY.refreshReminderDays * DAY) continue;
    const user = state.users.find((u) => u.id === token.userId) as User | undefined;
    if (!user) continue;
    token.reminderSentAt = now;
    send(state, {
      channel: "email",
      to: user.email,
      userId: user.id,
      subject: "FINRA TRAQS - Your API Refresh Token expires soon",
      text:
        `Hi ${user.firstName},\n\nYour TRAQS API Refresh Token expires on ${new Date(token.expiresAt).toUTCString()}.\n` +
        "Refresh Tokens cannot be obtained programmatically: sign in to TRAQS, open API / Download / " +
        "Programmatic and click Get Token, then update the token in your scripts.\n\n" +
        EMAIL_FOOTER,
      sentAt: now,
    });
  }
}

/** Revoke Token: the refresh token is inactive at once, and so are its access tokens. */
export function revokeToken(state: MockState, token: RefreshTokenRecord, now: number): void {
  token.revokedAt = now;
  token.endedReason = "revoked";
  token.sealed = null;
  state.accessTokens = state.accessTokens.filter((a) => a.refreshTokenId !== token.id);
}
