import { randomId } from "../rules/crypto";
import type { ActivityType, MockState } from "./state";

/** Records an event for the user's Recent Activity. */
export function recordActivity(
  state: MockState,
  event: { userId: string; type: ActivityType; at: number; userAgent: string; detail?: string },
): void {
  state.activity.push({ id: randomId(), ...event });
}
