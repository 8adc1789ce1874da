import { recordActivity } from "../db/activity";
import { rotateSession } from "../db/sessions";
import type { MockState, Session, User } from "../db/state";
import { clearFailures } from "./lockout";

/**
 * The end of a successful sign-in (or of a finished enrollment): a fresh session id, the method
 * remembered for next time, the failure count cleared, and the TRAQS username chosen when there is
 * only one.
 */
export function completeSignIn(
  ctx: { state: MockState; now: number; userAgent: string },
  session: Session,
  user: User,
  lastUsed: User["lastUsed"],
): void {
  rotateSession(session);
  session.stage = "SUCCESS";
  session.challenge = null;
  session.pending = {};
  const [only] = user.traqsUsernames;
  session.traqsUsername = user.traqsUsernames.length === 1 && only?.active ? only.username : null;
  if (lastUsed) user.lastUsed = lastUsed;
  clearFailures(ctx.state, user.login);
  recordActivity(ctx.state, {
    userId: user.id,
    type: "sign_in",
    at: ctx.now,
    userAgent: ctx.userAgent,
  });
}
