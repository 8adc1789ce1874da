import type { RefreshToken, RefreshTokens } from "../../src/api/contracts/api-download";
import { EMAIL_FOOTER, send } from "../db/outbox";
import type { MockState, RefreshTokenRecord, Session, User } from "../db/state";
import type { Context } from "./context";
import { constantTimeEqual, randomId, seal, sha256, unseal } from "./crypto";
import { iso, isoOrNull } from "./dates";
import { entitledFacilities } from "./entitlements";
import { DAY, MINUTE, POLICY } from "./policy";
import { Refusal } from "./refusal";

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

function toRefreshToken(token: RefreshTokenRecord, now: number, full: string | null): RefreshToken {
  const active = isActive(token, now);
  return {
    id: token.id,
    last4: token.last4,
    token: full,
    isActive: active,
    requestedAt: iso(token.requestedAt),
    expiresAt: iso(token.expiresAt),
    revokedAt: isoOrNull(token.revokedAt),
    endedReason: token.endedReason ?? (active ? null : "expired"),
    lastUsedAt: isoOrNull(token.lastUsedAt),
    daysLeft: Math.max(0, Math.ceil((token.expiresAt - now) / DAY)),
  };
}

/**
 * The user's tokens as this session may see them: every token masked, except the current one
 * while this session's window after Get Token or "Show token" lasts. Prior tokens are never shown.
 */
export async function toRefreshTokens(
  ctx: Context,
  key: CryptoKey,
  session: Session,
  user: User,
): Promise<RefreshTokens> {
  const { state, now } = ctx;
  remindExpiringTokens(state, now);
  const mine = state.refreshTokens
    .filter((t) => t.userId === user.id)
    .sort((a, b) => b.requestedAt - a.requestedAt);
  const current = currentToken(state, user.id);
  // An expired token is never shown again: its sealed copy goes.
  if (current && !isActive(current, now)) current.sealed = null;
  const window = session.tokenShown;
  const open = current?.sealed && window?.tokenId === current.id && now < window.until;
  const full = open && current.sealed ? await unseal(key, current.sealed) : null;
  return {
    current: current ? toRefreshToken(current, now, full) : null,
    prior: mine.filter((t) => t !== current).map((t) => toRefreshToken(t, now, null)),
    expiringSoon: Boolean(
      current &&
      isActive(current, now) &&
      current.expiresAt - now <= POLICY.refreshReminderDays * DAY,
    ),
    shownUntil: full !== null && window ? iso(window.until) : null,
  };
}

/** Opens this session's window in which the current token is shown in full. */
function showToken(session: Session, token: RefreshTokenRecord, now: number) {
  session.tokenShown = {
    tokenId: token.id,
    until: now + POLICY.refreshTokenShownMinutes * MINUTE,
  };
}

/** Get Token (`verified` uses up its verification): a new refresh token, shown in full to this session now; the current one is prior. */
export async function getToken(
  ctx: Context,
  key: CryptoKey,
  { session, user, verified }: { session: Session; user: User; verified: () => void },
): Promise<void> {
  if (entitledFacilities(user).length === 0)
    throw new Refusal(403, "NOT_ENTITLED", "Not authorized for API.");
  verified();
  const previous = currentToken(ctx.state, user.id);
  // Guide Section 5, step 13: the current token (active or expired) moves to Prior Tokens.
  if (previous) {
    previous.endedReason = isActive(previous, ctx.now) ? "replaced" : "expired";
    previous.sealed = null;
  }
  // Only its hash and a sealed copy are kept; the whole token is shown to this session now.
  const token = randomId(43);
  const record: RefreshTokenRecord = {
    id: randomId(),
    userId: user.id,
    tokenHash: await sha256(token),
    last4: token.slice(-4),
    sealed: await seal(key, token),
    requestedAt: ctx.now,
    expiresAt: sixMonthsAfter(ctx.now),
    revokedAt: null,
    endedReason: null,
    lastUsedAt: null,
    reminderSentAt: null,
  };
  ctx.state.refreshTokens.push(record);
  showToken(session, record, ctx.now);
}

/** Show token (`verified` uses up its verification): the current token, while active, is shown in full to this session for a while. */
export async function showCurrentToken(
  ctx: Context,
  key: CryptoKey,
  { session, user, verified }: { session: Session; user: User; verified: () => void },
): Promise<void> {
  const current = currentToken(ctx.state, user.id);
  const sealed = current && isActive(current, ctx.now) ? current.sealed : null;
  if (!current || !sealed || (await unseal(key, sealed)) === null)
    throw new Refusal(404, "NOT_FOUND", "There is no active current token.");
  verified();
  showToken(session, current, ctx.now);
}

/** Revoke Token: the current token is inactive at once, and so are its access tokens. */
export function revokeToken(ctx: Context, user: User): void {
  const current = currentToken(ctx.state, user.id);
  if (!current) throw new Refusal(404, "NOT_FOUND", "There is no current token.");
  revokeRefreshToken(ctx.state, current, ctx.now);
}

/** The token endpoint's exchange: an active refresh token for a new access token, or null. */
export async function exchangeRefreshToken(
  state: MockState,
  refreshToken: string,
  now: number,
): Promise<string | null> {
  const hashOf = await sha256(refreshToken);
  const token = state.refreshTokens.find((t) => constantTimeEqual(t.tokenHash, hashOf));
  const user = token ? state.users.find((u) => u.id === token.userId) : undefined;
  if (!token || !user || !isActive(token, now)) return null;
  token.lastUsedAt = now;
  remindExpiringTokens(state, now);
  const accessToken = randomId(40);
  state.accessTokens.push({
    tokenHash: await sha256(accessToken),
    refreshTokenId: token.id,
    userId: user.id,
    expiresAt: now + POLICY.accessTokenSeconds * 1000,
  });
  state.accessTokens = state.accessTokens.filter((a) => a.expiresAt > now);
  return accessToken;
}

/**
 * The user of an access token, which works while it and its refresh token are active; "invalid"
 * otherwise, "unknown user" for a token whose user is gone.
 */
export async function accessTokenOwner(
  state: MockState,
  accessToken: string,
  now: number,
): Promise<User | "invalid" | "unknown user"> {
  const hashOf = await sha256(accessToken);
  const access = state.accessTokens.find((a) => constantTimeEqual(a.tokenHash, hashOf));
  const refresh = access
    ? state.refreshTokens.find((t) => t.id === access.refreshTokenId)
    : undefined;
  if (!access || access.expiresAt <= now || !refresh || !isActive(refresh, now)) return "invalid";
  return state.users.find((u) => u.id === access.userId) ?? "unknown user";
}

/** A refresh token revoked: inactive at once, and so are its access tokens. */
export function revokeRefreshToken(state: MockState, token: RefreshTokenRecord, now: number): void {
  token.revokedAt = now;
  token.endedReason = "revoked";
  token.sealed = null;
  state.accessTokens = state.accessTokens.filter((a) => a.refreshTokenId !== token.id);
}
