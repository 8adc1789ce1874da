import { http } from "msw";
import type { MockDb } from "../db/store";
import { csvFile, downloadRequest, route } from "../http/respond";
import { bearer, bearerChallenge, oauthError, ScriptRefusal } from "../http/scripts";
import { download, DownloadRefused } from "../rules/downloads";

/** The download endpoint for scripts (RFC 6750, `/download/:facility/:file`): a Bearer access token. */
export function downloadHandlers(db: MockDb) {
  return [
    http.get(
      route("/download/:facility/:file"),
      bearer(db, async ({ ctx, user, request, params }) => {
        try {
          return csvFile(download(ctx.state, user, downloadRequest(request, params), ctx.now));
        } catch (error) {
          if (!(error instanceof DownloadRefused)) throw error;
          const challenge = error.status === 403 ? bearerChallenge("insufficient_scope") : {};
          throw new ScriptRefusal(
            oauthError(error.status, error.error, error.description, challenge),
          );
        }
      }),
    ),
  ];
}
