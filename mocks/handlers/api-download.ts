import { http, HttpResponse } from "msw";
import type { ApiCatalog, RefreshToken, RefreshTokens } from "../../src/api/contracts/api-download";
import { userById } from "../db/sessions";
import type { MockState, RefreshTokenRecord, Session, User } from "../db/state";
import type { MockDb } from "../db/store";
import { constantTimeEqual, randomId, seal, sha256, unseal } from "../rules/crypto";
import { entitledFacilities } from "../rules/entitlements";
import { DAY, MINUTE, POLICY } from "../rules/policy";
import {
  dayNumber,
  dayString,
  fileName,
  findFile,
  FACILITIES,
  generateFile,
  parseDay,
} from "../rules/reference-data";
import {
  currentToken,
  isActive,
  remindExpiringTokens,
  revokeToken,
  sixMonthsAfter,
} from "../rules/tokens";
import { spendGrant } from "./account";
import { HandlerError, oauthError, respond, route } from "./http";
import { requireSignedIn, signedIn, type SessionContext } from "./session-context";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const REALM = "TRAQS API";

function toRefreshToken(token: RefreshTokenRecord, now: number, full: string | null): RefreshToken {
  const active = isActive(token, now);
  return {
    id: token.id,
    last4: token.last4,
    token: full,
    isActive: active,
    requestedAt: new Date(token.requestedAt).toISOString(),
    expiresAt: new Date(token.expiresAt).toISOString(),
    revokedAt: iso(token.revokedAt),
    endedReason: token.endedReason ?? (active ? null : "expired"),
    lastUsedAt: iso(token.lastUsedAt),
    daysLeft: Math.max(0, Math.ceil((token.expiresAt - now) / DAY)),
  };
}

/**
 * The user's tokens as this session may see them: every token masked, except the current one
 * while this session's window after Get Token or "Show token" lasts. Prior tokens are never shown.
 */
async function toRefreshTokens(
  db: MockDb,
  ctx: SessionContext,
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
  const full = open && current.sealed ? await unseal(await db.sealingKey(), current.sealed) : null;
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

type DownloadRequest = {
  facility: string;
  file: string;
  action: string | null;
  day: string | null;
};

/** Checks a download request and answers the CSV file; remembers the day for the next Delta. */
function download(
  state: MockState,
  user: User,
  request: DownloadRequest,
  now: number,
  fail: (status: number, error: string, description: string) => never,
) {
  const found = findFile(request.facility, request.file);
  if (!found) fail(404, "not_found", "No such facility or file.");
  const action = request.action ?? "download";
  if (action !== "download" && action !== "delta")
    fail(400, "invalid_request", "action must be download or delta.");
  if (!entitledFacilities(user).some((f) => f === found.facility.id))
    fail(403, "insufficient_scope", `Not authorized for ${found.facility.name}.`);
  const today = dayNumber(now);
  let day = today;
  if (request.day) {
    // Guide Section 4: Day is for Daily List with Download only, never with Delta.
    if (action === "delta" || !found.file.daily)
      fail(400, "invalid_request", "Day applies to a Daily List with Download only.");
    const parsed = parseDay(request.day);
    if (parsed === null || parsed > today)
      fail(400, "invalid_request", "day must be a date (YYYY-MM-DD), not in the future.");
    day = parsed;
  }
  const key = `${user.id}|${found.facility.id}|${found.file.id}`;
  const sinceDay = state.lastDownloads[key] ?? null;
  const body = generateFile(found.facility, found.file, { action, day, sinceDay });
  state.lastDownloads[key] = today;
  return new HttpResponse(body, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName(found.facility.id, found.file.id, day, action)}"`,
      "Cache-Control": "no-store",
    },
  });
}

class OAuthFailure extends Error {
  constructor(readonly response: Response) {
    super("oauth failure");
  }
}

export function apiDownloadHandlers(db: MockDb) {
  return [
    http.get(
      route("/api/traqs/api/catalog"),
      signedIn(db, async (ctx, { user }): Promise<ApiCatalog> => {
        const entitled: string[] = entitledFacilities(user);
        return {
          apiAccess: entitled.length > 0,
          facilities: FACILITIES.map((f) => ({
            id: f.id,
            name: f.name,
            entitled: entitled.includes(f.id),
            files: f.files.map(({ id, name, daily }) => ({ id, name, daily })),
          })),
          today: dayString(dayNumber(ctx.now)),
        };
      }),
    ),

    /** API / Download / Manual, from the signed-in page (session cookie, not a token). */
    http.get(route("/api/traqs/api/download"), ({ request, cookies }) =>
      respond(() =>
        db.transaction(async (state) => {
          const now = db.now(state);
          const { user } = requireSignedIn(state, cookies, now);
          const url = new URL(request.url);
          const params = {
            facility: url.searchParams.get("facility") ?? "",
            file: url.searchParams.get("file") ?? "",
            action: url.searchParams.get("action"),
            day: url.searchParams.get("day"),
          };
          return download(state, user, params, now, (status, _error, description) => {
            throw new HandlerError(
              status,
              status === 403 ? "NOT_ENTITLED" : status === 404 ? "NOT_FOUND" : "VALIDATION",
              description,
            );
          });
        }),
      ),
    ),

    http.get(
      route("/api/traqs/api/tokens"),
      signedIn(db, (ctx, { session, user }) => toRefreshTokens(db, ctx, session, user)),
    ),

    /** Get Token: after "Verify it's you" (the grant is used up, so a double click makes one token). */
    http.post(
      route("/api/traqs/api/tokens"),
      signedIn(db, async (ctx, { session, user }) => {
        if (entitledFacilities(user).length === 0)
          throw new HandlerError(403, "NOT_ENTITLED", "Not authorized for API.");
        spendGrant(session, ctx.now, "token");
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
          sealed: await seal(await db.sealingKey(), token),
          requestedAt: ctx.now,
          expiresAt: sixMonthsAfter(ctx.now),
          revokedAt: null,
          endedReason: null,
          lastUsedAt: null,
          reminderSentAt: null,
        };
        ctx.state.refreshTokens.push(record);
        showToken(session, record, ctx.now);
        return toRefreshTokens(db, ctx, session, user);
      }),
    ),

    /**
     * Show token, or Copy Token while the token is masked: after "Verify it's you" (purpose
     * show-token, which Get Token does not take), the current token is shown in full to this session for a few minutes.
     */
    http.post(
      route("/api/traqs/api/tokens/show"),
      signedIn(db, async (ctx, { session, user }) => {
        const current = currentToken(ctx.state, user.id);
        // Checked before the grant is used, so a refusal costs no verification.
        const sealed = current && isActive(current, ctx.now) ? current.sealed : null;
        if (!current || !sealed || (await unseal(await db.sealingKey(), sealed)) === null)
          throw new HandlerError(404, "NOT_FOUND", "There is no active current token.");
        spendGrant(session, ctx.now, "show-token");
        showToken(session, current, ctx.now);
        return toRefreshTokens(db, ctx, session, user);
      }),
    ),

    /** Revoke Token: the current token is inactive at once, and so are its access tokens. */
    http.post(
      route("/api/traqs/api/tokens/revoke"),
      signedIn(db, async (ctx, { session, user }) => {
        const current = currentToken(ctx.state, user.id);
        if (!current) throw new HandlerError(404, "NOT_FOUND", "There is no current token.");
        revokeToken(ctx.state, current, ctx.now);
        return toRefreshTokens(db, ctx, session, user);
      }),
    ),

    /** The token endpoint for scripts (RFC 6749 §6): a refresh token for an access token. */
    http.post(route("/oauth2/token"), ({ request }) =>
      db.transaction(async (state) => {
        const now = db.now(state);
        const form = new URLSearchParams(await request.text());
        const names = [...form.keys()];
        // RFC 6749 §3.2: a parameter sent twice is invalid, whichever of the two was meant.
        if (new Set(names).size !== names.length)
          return oauthError(400, "invalid_request", "A parameter is repeated.");
        const grantType = form.get("grant_type");
        const refresh = form.get("refresh_token");
        if (!grantType || (grantType === "refresh_token" && !refresh)) {
          return oauthError(
            400,
            "invalid_request",
            "grant_type=refresh_token and refresh_token are required.",
          );
        }
        if (grantType !== "refresh_token")
          return oauthError(
            400,
            "unsupported_grant_type",
            "Only grant_type=refresh_token is supported.",
          );
        const hashOf = await sha256(refresh ?? "");
        const token = state.refreshTokens.find((t) => constantTimeEqual(t.tokenHash, hashOf));
        const user = token ? userById(state, token.userId) : null;
        if (!token || !user || !isActive(token, now)) {
          return oauthError(
            400,
            "invalid_grant",
            "The refresh token is expired, revoked or unknown.",
          );
        }
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
        return HttpResponse.json(
          {
            access_token: accessToken,
            token_type: "Bearer",
            expires_in: POLICY.accessTokenSeconds,
          },
          { headers: { "Cache-Control": "no-store", Pragma: "no-cache" } },
        );
      }),
    ),

    /** The token endpoint takes POST only (RFC 6749 §3.2). */
    http.all(route("/oauth2/token"), () =>
      oauthError(405, "invalid_request", "The token endpoint takes POST only.", {
        Allow: "POST",
      }),
    ),

    /** The download endpoint for scripts (RFC 6750): `Authorization: Bearer <access token>`. */
    http.get<{ facility: string; file: string }>(
      route("/download/:facility/:file"),
      ({ request, params }) =>
        db.transaction(async (state) => {
          const now = db.now(state);
          try {
            const header = request.headers.get("authorization") ?? "";
            // RFC 6750 §3.1: no Bearer credentials at all is the bare challenge, no error code.
            if (!/^Bearer(\s|$)/i.test(header))
              throw new OAuthFailure(
                new HttpResponse(null, {
                  status: 401,
                  headers: {
                    "WWW-Authenticate": `Bearer realm="${REALM}"`,
                    "Cache-Control": "no-store",
                  },
                }),
              );
            const match = /^Bearer +([\w~+/.-]+=*)$/i.exec(header);
            if (!match)
              throw new OAuthFailure(
                oauthError(400, "invalid_request", "Authorization: Bearer <access token>.", {
                  "WWW-Authenticate": `Bearer realm="${REALM}", error="invalid_request"`,
                }),
              );
            const hashOf = await sha256(match[1] ?? "");
            const access = state.accessTokens.find((a) => constantTimeEqual(a.tokenHash, hashOf));
            const refresh = access
              ? state.refreshTokens.find((t) => t.id === access.refreshTokenId)
              : undefined;
            if (!access || access.expiresAt <= now || !refresh || !isActive(refresh, now)) {
              throw new OAuthFailure(
                oauthError(
                  401,
                  "invalid_token",
                  "The access token is expired, revoked or invalid.",
                  {
                    "WWW-Authenticate": `Bearer realm="${REALM}", error="invalid_token", error_description="The access token is expired, revoked or invalid"`,
                  },
                ),
              );
            }
            const user = userById(state, access.userId);
            if (!user) throw new OAuthFailure(oauthError(401, "invalid_token", "Unknown user."));
            const url = new URL(request.url);
            return download(
              state,
              user,
              {
                facility: params.facility,
                file: params.file,
                action: url.searchParams.get("action"),
                day: url.searchParams.get("day"),
              },
              now,
              (status, error, description) => {
                throw new OAuthFailure(
                  oauthError(
                    status,
                    error,
                    description,
                    status === 403
                      ? {
                          "WWW-Authenticate": `Bearer realm="${REALM}", error="insufficient_scope"`,
                        }
                      : {},
                  ),
                );
              },
            );
          } catch (error) {
            if (error instanceof OAuthFailure) return error.response;
            throw error;
          }
        }),
    ),
  ];
}
