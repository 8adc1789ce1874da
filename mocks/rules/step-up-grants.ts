import type { AccountChange, SetUpMethod, StepUpFor } from "../../src/api/contracts/account";
import type { Session } from "../db/state";
import { MINUTE } from "./policy";
import { Refusal } from "./refusal";

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

export function requireSettingsAccess(session: Session, now: number): void {
  if (!hasSettingsAccess(session, now)) {
    throw new Refusal(403, "STEP_UP_REQUIRED", "Verify it's you with a security method first.");
  }
}

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

/** What a verification is spent on: Get Token, Show token, or one change. */
export type GrantFor = Exclude<StepUpFor, "view">;

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
 * A reset, removal or set-up ("change": password and method, made for that one change), Get
 * Token ("token": a method) or Show token ("show-token": a method) needs its own fresh
 * verification, used up here. A verification made for another change is refused and stays unspent.
 */
export function spendGrant(session: Session, now: number, action: GrantFor): void {
  if (!session.stepUp || !holdsGrant(session, now, action)) {
    throw new Refusal(
      403,
      "STEP_UP_REQUIRED",
      typeof action === "string"
        ? "Verify it's you with a security method first."
        : "Verify it's you with your password and a security method first.",
    );
  }
  session.stepUp.grant = null;
}

/** The set-up that Settings' change verification allows in this session now, if any. */
export function settingsSetUp(session: Session, now: number): SetUpMethod | null {
  const change = session.stepUp?.grant?.change;
  return change?.kind === "setUp" && holdsGrant(session, now, change) ? change.method : null;
}
