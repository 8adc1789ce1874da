import { http, HttpResponse } from "msw";
import { SelectTraqsUsernameRequest, type Me } from "../../src/api/contracts/me";
import { recordActivity } from "../db/activity";
import { findSession, removeSession, userById } from "../db/sessions";
import type { MockState, Session, User } from "../db/state";
import type { MockDb } from "../db/store";
import {
  HandlerError,
  json,
  readBody,
  respond,
  route,
  SESSION_COOKIE,
  sessionCookie,
} from "./http";

/** The signed-in user of this request, or a 401 that sends the app back to sign in. */
export function requireSignedIn(
  state: MockState,
  cookies: Record<string, string>,
  now: number,
): { session: Session; user: User } {
  const session = findSession(state, cookies[SESSION_COOKIE], now);
  const user = session?.stage === "SUCCESS" ? userById(state, session.userId) : null;
  if (!session || !user) throw new HandlerError(401, "UNAUTHENTICATED", "Sign in to continue.");
  return { session, user };
}

function toMe(user: User, session: Session): Me {
  return {
    firstName: user.firstName,
    lastName: user.lastName,
    login: user.login,
    email: user.email,
    traqsUsernames: user.traqsUsernames,
    traqsUsername: session.traqsUsername,
    apiAccess: user.apiFacilities.length > 0,
    language: user.language,
  };
}

export function meHandlers(db: MockDb) {
  return [
    http.get(route("/api/me"), ({ cookies }) =>
      respond(() =>
        db.transaction((state) => {
          const { session, user } = requireSignedIn(state, cookies, db.now(state));
          return json(toMe(user, session));
        }),
      ),
    ),

    http.post(route("/api/me/traqs-username"), ({ request, cookies }) =>
      respond(() =>
        db.transaction(async (state) => {
          const { session, user } = requireSignedIn(state, cookies, db.now(state));
          const { username } = await readBody(request, SelectTraqsUsernameRequest);
          const choice = user.traqsUsernames.find((u) => u.username === username);
          if (!choice)
            throw new HandlerError(404, "NOT_FOUND", "That TRAQS username is not yours.");
          if (!choice.active) {
            throw new HandlerError(409, "USERNAME_INACTIVE", "That TRAQS username is InActive.");
          }
          session.traqsUsername = choice.username;
          return json(toMe(user, session));
        }),
      ),
    ),

    /** Sign out: the session ends on the server, not only in the browser. */
    http.delete(route("/api/session"), ({ request, cookies }) =>
      respond(() =>
        db.transaction((state) => {
          const now = db.now(state);
          const session = findSession(state, cookies[SESSION_COOKIE], now);
          if (session) {
            removeSession(state, session.id);
            if (session.userId && session.stage === "SUCCESS") {
              recordActivity(state, {
                userId: session.userId,
                type: "sign_out",
                at: now,
                userAgent: request.headers.get("user-agent") ?? "unknown",
              });
            }
          }
          return new HttpResponse(null, {
            status: 204,
            headers: { "Set-Cookie": sessionCookie(null), "Cache-Control": "no-store" },
          });
        }),
      ),
    ),
  ];
}
