import * as z from "zod/mini";

// Apart from the app's contracts: only the published document and the conformance suite read these.

/** The token endpoint's form (RFC 6749 §6): a refresh token for an access token. */
export const TokenRequest = z.object({
  grant_type: z.literal("refresh_token"),
  refresh_token: z.string().check(z.minLength(1)),
});

/** The error body of the endpoints for scripts (RFC 6749 §5.2, RFC 6750 §3.1). */
export const OAuthErrorBody = z.object({
  error: z.string(),
  error_description: z.optional(z.string()),
});
