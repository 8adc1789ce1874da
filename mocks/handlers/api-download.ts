import { http } from "msw";
import type { MockDb } from "../db/store";
import { signedIn, verifiedFor } from "../http/callers";
import { csvFile, downloadRequest, route } from "../http/respond";
import { Refusal } from "../rules/refusal";
import { apiCatalog, download, DownloadRefused } from "../rules/downloads";
import { getToken, revokeToken, showCurrentToken, toRefreshTokens } from "../rules/tokens";

/** API / Download (`/api/traqs/api`): the catalog, Manual downloads, and the refresh tokens. */
export function apiDownloadHandlers(db: MockDb) {
  /** A change of the tokens that its own verification allows; answers the tokens as they are now. */
  const tokenChange = (
    purpose: "token" | "show-token",
    change: typeof getToken | typeof showCurrentToken,
  ) =>
    verifiedFor(db, purpose, async (call) => {
      const key = await db.sealingKey();
      await change(call.ctx, key, call);
      return toRefreshTokens(call.ctx, key, call.session, call.user);
    });

  return [
    http.get(
      route("/api/traqs/api/catalog"),
      signedIn(db, async ({ ctx, user }) => apiCatalog(user, ctx.now)),
    ),

    /** API / Download / Manual, from the signed-in page (session cookie, not a token). */
    http.get(
      route("/api/traqs/api/download"),
      signedIn(db, async ({ ctx, user, request }) => {
        try {
          return csvFile(download(ctx.state, user, downloadRequest(request), ctx.now));
        } catch (error) {
          if (!(error instanceof DownloadRefused)) throw error;
          const { status } = error;
          const code =
            status === 403 ? "NOT_ENTITLED" : status === 404 ? "NOT_FOUND" : "VALIDATION";
          throw new Refusal(status, code, error.description);
        }
      }),
    ),

    http.get(
      route("/api/traqs/api/tokens"),
      signedIn(db, async ({ ctx, session, user }) =>
        toRefreshTokens(ctx, await db.sealingKey(), session, user),
      ),
    ),

    /** Get Token: after "Verify it's you" (the grant is used up, so a double click makes one token). */
    http.post(route("/api/traqs/api/tokens"), tokenChange("token", getToken)),

    /**
     * Show token, or Copy Token while the token is masked: after "Verify it's you" (purpose
     * show-token, which Get Token does not take), the current token is shown in full to this
     * session for a few minutes.
     */
    http.post(route("/api/traqs/api/tokens/show"), tokenChange("show-token", showCurrentToken)),

    /** Revoke Token: the current token is inactive at once, and so are its access tokens. */
    http.post(
      route("/api/traqs/api/tokens/revoke"),
      signedIn(db, async ({ ctx, session, user }) => {
        revokeToken(ctx, user);
        return toRefreshTokens(ctx, await db.sealingKey(), session, user);
      }),
    ),
  ];
}
