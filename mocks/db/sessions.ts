import { randomId } from "../rules/crypto";
import { MINUTE, POLICY } from "../rules/policy";
import type { MockState, Session, User } from "./state";

/** Whether the session has ended: idle too long, unless a recovery's link keeps it. */
function ended(session: Session, now: number): boolean {
  // A recovery lives as long as its emailed link (a reset link: 8 hours), idle or not.
  const recoveryAlive = session.stage === "RECOVERY" && (session.recovery?.expiresAt ?? 0) > now;
  return !recoveryAlive && now - session.lastSeenAt > POLICY.sessionIdleMinutes * MINUTE;
}

/** The live session with this id; one idle too long has ended and is removed. */
export function findSession(state: MockState, id: string | undefined, now: number): Session | null {
  if (!id) return null;
  const session = state.sessions.find((s) => s.id === id);
  if (!session) return null;
  if (ended(session, now)) {
    removeSession(state, session.id);
    return null;
  }
  session.lastSeenAt = now;
  return session;
}

/**
 * A new session. Sessions that ended are swept out first: one never asked for again (a sign-in
 * left at its username, anyone's request that started one) would otherwise stay until a restart.
 */
export function startSession(state: MockState, now: number, userAgent: string): Session {
  state.sessions = state.sessions.filter((s) => !ended(s, now));
  const session: Session = {
    id: randomId(32),
    login: null,
    userId: null,
    stage: "IDENTIFY",
    challenge: null,
    pending: {},
    stepUp: null,
    recovery: null,
    traqsUsername: null,
    createdAt: now,
    lastSeenAt: now,
    userAgent,
  };
  state.sessions.push(session);
  return session;
}

/** Gives the session a new id (at sign-in and step-up), so an id seen before it is worthless. */
export function rotateSession(session: Session): void {
  session.id = randomId(32);
}

export function removeSession(state: MockState, id: string): void {
  state.sessions = state.sessions.filter((s) => s.id !== id);
}

/**
 * Signs the user out of every device but `keep` (the session asking, if any): their dashboard
 * sessions end, and their Nasdaq applications' sessions with them.
 */
export function endSessions(state: MockState, userId: string, keep?: Session): void {
  state.sessions = state.sessions.filter((s) => s.userId !== userId || s.id === keep?.id);
  state.nasdaqSessions = state.nasdaqSessions.filter((s) => s.userId !== userId);
}

export function userById(state: MockState, id: string | null): User | null {
  return state.users.find((u) => u.id === id) ?? null;
}

export function userByLogin(state: MockState, login: string): User | null {
  return state.users.find((u) => u.login === login.trim().toLowerCase()) ?? null;
}
