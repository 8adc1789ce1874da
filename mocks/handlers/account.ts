import { http } from "msw";
import {
  Preferences,
  ResetPasswordRequest,
  SetLanguageRequest,
} from "../../src/api/contracts/account";
import { RenamePasskeyRequest } from "../../src/api/contracts/passkeys";
import type { MockDb } from "../db/store";
import { signedIn, verifiedFor } from "../http/callers";
import { readBody, route } from "../http/respond";
import { removeSecurityMethod, removeSecurityQuestion, toAccountState } from "../rules/account";
import { activityPage, reportEvent } from "../rules/activity";
import { renamePasskey } from "../rules/passkey-steps";
import { resetPassword } from "../rules/passwords";

/** Settings (`/api/account`): the account, its security methods, preferences, Recent Activity. */
export function accountHandlers(db: MockDb) {
  return [
    http.get(
      route("/api/account"),
      verifiedFor(db, "settings", async ({ session, user }) => toAccountState(user, session)),
    ),

    /** The display language is not a security setting: the signed-in user may change it. */
    http.put(
      route("/api/account/language"),
      verifiedFor(db, "settings", async ({ session, user, request }) => {
        user.language = (await readBody(request, SetLanguageRequest)).language;
        return toAccountState(user, session);
      }),
    ),

    http.delete(
      route("/api/account/methods/:id"),
      verifiedFor(
        db,
        ({ params }) => ({ kind: "removeMethod", methodId: String(params.id) }),
        async ({ ctx, session, user, params, verified }) => {
          removeSecurityMethod(ctx, user, params.id, verified);
          return toAccountState(user, session);
        },
      ),
    ),

    /** Rename: only the name shown changes, so Settings being open is enough. */
    http.put(
      route("/api/account/methods/:id/name"),
      verifiedFor(db, "settings", async ({ session, user, request, params }) => {
        const { name } = await readBody(request, RenamePasskeyRequest);
        renamePasskey(user, params.id, name);
        return toAccountState(user, session);
      }),
    ),

    http.delete(
      route("/api/account/security-question"),
      verifiedFor(
        db,
        { kind: "removeSecurityQuestion" },
        async ({ ctx, session, user, verified }) => {
          removeSecurityQuestion(ctx, user, verified);
          return toAccountState(user, session);
        },
      ),
    ),

    http.post(
      route("/api/account/password"),
      verifiedFor(db, { kind: "resetPassword" }, async (call) => {
        const { ctx, session, user, request, verified } = call;
        const body = await readBody(request, ResetPasswordRequest);
        await resetPassword(ctx, session, user, body, verified);
        return toAccountState(user, session);
      }),
    ),

    http.get(
      route("/api/account/preferences"),
      signedIn(db, async ({ user }) => user.preferences),
    ),
    http.put(
      route("/api/account/preferences"),
      signedIn(db, async ({ user, request }) => {
        user.preferences = await readBody(request, Preferences);
        return user.preferences;
      }),
    ),

    /** Recent Activity, a page at a time (`?page=`). */
    http.get(
      route("/api/account/activity"),
      signedIn(db, async ({ ctx, user, request }) =>
        activityPage(ctx.state, user, Number(new URL(request.url).searchParams.get("page") ?? "1")),
      ),
    ),

    /** "This wasn't me": records the report against that event. */
    http.post(
      route("/api/account/activity/:id/report"),
      signedIn(db, async ({ ctx, user, params }) => {
        reportEvent(ctx, user, params.id);
        return null;
      }),
    ),
  ];
}
