import { http, HttpResponse } from "msw";
import { SelectTraqsUsernameRequest, type Me } from "../../src/api/contracts/me";
import { recordActivity } from "../db/activity";
import { findSession, removeSession } from "../db/sessions";
import type { MockState, Session, User } from "../db/state";
import type { MockDb } from "../db/store";
import { administrationOf } from "../rules/administration";
import { userAgentOf } from "../rules/client-info";
import { entitledFacilities } from "../rules/entitlements";
import { liveToken } from "../rules/mobilepass";
import {
  HandlerError,
  json,
  readBody,
  respond,
  route,
  SESSION_COOKIE,
  sessionCookie,
} from "./http";
import { requireSignedIn } from "./session-context";

/** The user's personal information, as every signed-in answer that shows it has it. */
export function profileOf(user: User) {
  const { firstName, lastName, login, email, traqsUsernames, language } = user;
  return { firstName, lastName, login, email, traqsUsernames, language };
}

function toMe(state: MockState, user: User, session: Session): Me {
  return {
    ...profileOf(user),
    traqsUsername: session.traqsUsername,
    apiAccess: entitledFacilities(user).length > 0,
    administration: administrationOf(state, user),
    nasdaqApplications: user.nasdaqApplications,
    mobilePassEnrolled: Boolean(liveToken(state, user.id)?.enrolledAt),
  };
}

export function meHandlers(db: MockDb) {
  return [
    http.get(route("/api/me"), ({ cookies }) =>
      respond(() =>
        db.transaction((state) => {
          const { session, user } = requireSignedIn(state, cookies, db.now(state));
          return json(toMe(state, user, session));
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
          return json(toMe(state, user, session));
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
                userAgent: userAgentOf(request),
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
