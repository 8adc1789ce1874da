import type { MockState } from "../db/state";
import { HOUR, POLICY } from "./policy";
import { Refusal } from "./refusal";

/** When something was done, per key (a method, a login, an administrator): what a limit counts. */
type TimeLog = Record<string, number[]> | undefined;

/** The times of `key` within the last `windowMs`; older ones are forgotten. */
export function timesWithin(log: TimeLog, key: string, now: number, windowMs: number): number[] {
  return (log?.[key] ?? []).filter((at) => now - at < windowMs);
}

/**
 * At most `max` in any `windowMs`: when `recent` (from `timesWithin`) already holds that many, a
 * 429 that says when the oldest leaves the window.
 */
export function refuseWhenFull(
  recent: number[],
  limit: { max: number; windowMs: number },
  now: number,
  message: string,
): void {
  const [oldest] = recent;
  if (oldest !== undefined && recent.length >= limit.max)
    throw new Refusal(429, "RATE_LIMITED", message, {
      retryAfterSeconds: Math.ceil((oldest + limit.windowMs - now) / 1000),
    });
}

/**
 * How many seconds before this method may be sent another SMS, voice call or push (0: now). The
 * limits hold per method, so per account, across every session: one send per 30 s and an hourly
 * cap, however many sign-ins or "Verify it's you" screens ask.
 */
export function sendWaitSeconds(state: MockState, methodId: string, now: number): number {
  const recent = recentSends(state, methodId, now);
  const last = recent.at(-1);
  const [oldest] = recent;
  const nextAllowed = Math.max(
    last === undefined ? 0 : last + POLICY.resendAfterSeconds * 1000,
    oldest !== undefined && recent.length >= POLICY.sendsPerHour ? oldest + HOUR : 0,
  );
  return Math.max(0, Math.ceil((nextAllowed - now) / 1000));
}

/** Counts a send toward the method's limits (older than an hour are forgotten). */
export function recordSend(state: MockState, methodId: string, now: number): void {
  state.challengeSends[methodId] = [...recentSends(state, methodId, now), now];
}

function recentSends(state: MockState, methodId: string, now: number): number[] {
  return timesWithin(state.challengeSends, methodId, now, HOUR);
}
