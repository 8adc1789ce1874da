import { http, HttpResponse } from "msw";
import type { MockDb } from "../db/store";
import { route } from "../http/respond";
import { oauthError, script } from "../http/scripts";
import { POLICY } from "../rules/policy";
import { exchangeRefreshToken } from "../rules/tokens";

/** The token endpoint for scripts (RFC 6749 §6, `/oauth2/token`): a refresh token for an access token. */
export function oauth2Handlers(db: MockDb) {
  return [
    http.post(
      route("/oauth2/token"),
      script(db, async ({ ctx, request }) => {
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
        const accessToken = await exchangeRefreshToken(ctx.state, refresh ?? "", ctx.now);
        if (accessToken === null) {
          return oauthError(
            400,
            "invalid_grant",
            "The refresh token is expired, revoked or unknown.",
          );
        }
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
  ];
}
