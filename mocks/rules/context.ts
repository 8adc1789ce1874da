import type { MockState, Session } from "../db/state";

/**
 * What a rule works on for one request: the state, the caller's session (null when there is none;
 * a rule that starts, replaces or ends the session sets it here), the mock clock's time, and the
 * caller's browser as it named itself (for Recent Activity and notification emails).
 */
export type Context = {
  state: MockState;
  session: Session | null;
  now: number;
  userAgent: string;
};
