import { http } from "msw";
import type { MockDb } from "../db/store";
import { inSignIn } from "../http/callers";
import { route } from "../http/respond";
import { signOut } from "../rules/sign-in";

/** Sign out (`DELETE /api/session`): the session ends on the server, not only in the browser. */
export function sessionHandlers(db: MockDb) {
  return [
    http.delete(
      route("/api/session"),
      inSignIn(db, async ({ ctx }) => {
        signOut(ctx);
        return null;
      }),
    ),
  ];
}
