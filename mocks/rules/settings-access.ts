import type { Session } from "../db/state";
import { MINUTE } from "./policy";

/** Settings stays open this long after a security method was verified (guide: asked again after). */
export const SETTINGS_MINUTES = 15;

/** Settings is open: a security method was verified in this session in the last 15 minutes. */
export function hasSettingsAccess(session: Session, now: number): boolean {
  const at = session.stepUp?.factorAt;
  return at !== null && at !== undefined && now - at < SETTINGS_MINUTES * MINUTE;
}
