import type { AccountChange, StepUpFor } from "../../src/api/contracts/account";
import type { Session } from "../db/state";
import { MINUTE } from "./policy";

/** Settings stays open this long after a security method was verified (guide: asked again after). */
export const SETTINGS_MINUTES = 15;
/** Settings is open: a security method was verified in this session in the last 15 minutes. */
export function hasSettingsAccess(session: Session, now: number): boolean {
  const at = session.stepUp?.factorAt;
  return at !== null && at !== undefined && now - at < SETTINGS_MINUTES * MINUTE;
}

/** A reset, removal or administrator's change must use the verification made for it within this time. */
const CHANGE_GRANT_MINUTES = 5;
/** A set-up from Settings may take as long as Settings stays open after its verification. */
const SET_UP_GRANT_MINUTES = SETTINGS_MINUTES;

/** What a verification is spent on: Get Token, Show token, or one change. */
export type GrantFor = Exclude<StepUpFor, "view">;

/** One change, as a string: two changes are the same when their keys are. */
function changeKey(change: AccountChange): string {
  switch (change.kind) {
    case "removeMethod":
      return `${change.kind}:${change.methodId}`;
    case "setUp":
      return `${change.kind}:${change.method}`;
    case "admin":
      return `${change.kind}:${change.action}:${change.target}`;
    default:
      return change.kind;
  }
}

/** Whether this session holds an unspent, fresh verification made for exactly this action. */
export function holdsGrant(session: Session, now: number, action: GrantFor): boolean {
  const grant = session.stepUp?.grant;
  if (!grant) return false;
  const minutes =
    typeof action !== "string" && action.kind === "setUp"
      ? SET_UP_GRANT_MINUTES
      : CHANGE_GRANT_MINUTES;
  if (now - grant.at > minutes * MINUTE) return false;
  if (typeof action === "string") return grant.purpose === action;
  return (
    grant.purpose === "change" && !!grant.change && changeKey(grant.change) === changeKey(action)
  );
}

/**
 * Uses up the session's verification if it was made for exactly this action (and is fresh);
 * one made for anything else is refused and stays unspent.
 */
export function takeGrant(session: Session, now: number, action: GrantFor): boolean {
  if (!session.stepUp || !holdsGrant(session, now, action)) return false;
  session.stepUp.grant = null;
  return true;
}
