import * as z from "zod/mini";
import { Instant } from "./common";

/** API / Download / Manual: the facilities, their files, and which the user may download. */
export const ApiCatalog = z.object({
  apiAccess: z.boolean(),
  facilities: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      entitled: z.boolean(),
      files: z.array(z.object({ id: z.string(), name: z.string(), daily: z.boolean() })),
    }),
  ),
  /** Today on the server's clock, YYYY-MM-DD: the default Day. */
  today: z.string(),
});
export type ApiCatalog = z.infer<typeof ApiCatalog>;

export const DownloadAction = z.enum(["download", "delta"]);
export type DownloadAction = z.infer<typeof DownloadAction>;

/** A refresh token as the Programmatic page shows it (guide Section 5). */
export const RefreshToken = z.object({
  id: z.string(),
  /** The last 4 characters: the page shows the token masked ("••••••••abcd"). */
  last4: z.string(),
  /**
   * The whole token: the current one only, and only for a short time after Get Token or a fresh
   * "Verify it's you" for Show token or Copy Token (`POST /api/traqs/api/tokens/show`).
   */
  token: z.nullable(z.string()),
  isActive: z.boolean(),
  requestedAt: Instant,
  expiresAt: Instant,
  revokedAt: z.nullable(Instant),
  endedReason: z.nullable(z.enum(["revoked", "replaced", "expired"])),
  lastUsedAt: z.nullable(Instant),
  daysLeft: z.number(),
});
export type RefreshToken = z.infer<typeof RefreshToken>;

export const RefreshTokens = z.object({
  current: z.nullable(RefreshToken),
  prior: z.array(RefreshToken),
  /** The current token expires within 15 days. */
  expiringSoon: z.boolean(),
  /** Until when `current.token` is given in full; null when it is masked. */
  shownUntil: z.nullable(Instant),
});
export type RefreshTokens = z.infer<typeof RefreshTokens>;

/** The token endpoint's answer (RFC 6749 §5.1). */
export const AccessTokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal("Bearer"),
  expires_in: z.number(),
});
