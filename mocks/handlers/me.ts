import { http } from "msw";
import { SelectTraqsUsernameRequest } from "../../src/api/contracts/me";
import type { MockDb } from "../db/store";
import { signedIn } from "../http/callers";
import { readBody, route } from "../http/respond";
import { chooseTraqsUsername, toMe } from "../rules/account";

/** The signed-in user (`/api/me`) and the TRAQS username this session works as. */
export function meHandlers(db: MockDb) {
  return [
    http.get(
      route("/api/me"),
      signedIn(db, async ({ ctx, session, user }) => toMe(ctx.state, user, session)),
    ),

    http.post(
      route("/api/me/traqs-username"),
      signedIn(db, async ({ ctx, session, user, request }) => {
        const { username } = await readBody(request, SelectTraqsUsernameRequest);
        chooseTraqsUsername(session, user, username);
        return toMe(ctx.state, user, session);
      }),
    ),
  ];
}
