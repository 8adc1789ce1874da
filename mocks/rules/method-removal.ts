import type { MockState, User } from "../db/state";

/**
 * Removes a security method so that it stops working at once (SECURITY.md 18): every code or push
 * pending for it, in any session's sign-in or "Verify it's you", is withdrawn, a push still on the
 * device is canceled (approving it later does nothing), and it is no longer the last used method.
 */
export function removeMethod(state: MockState, user: User, methodId: string): void {
  user.methods = user.methods.filter((m) => m.id !== methodId);
  if (user.lastUsed?.methodId === methodId) delete user.lastUsed;
  for (const session of state.sessions) {
    if (session.userId !== user.id) continue;
    if (session.challenge?.methodId === methodId) session.challenge = null;
    if (session.stepUp?.challenge?.methodId === methodId) session.stepUp.challenge = null;
  }
  for (const message of state.outbox) {
    if (message.push?.methodId === methodId && message.push.status === "waiting")
      message.push.status = "canceled";
  }
}
