import type { User } from "../db/state";

/** SPEC: password (access) + security question (recovery) + at least one access method. */
export function isEnrollmentComplete(user: User): boolean {
  return Boolean(user.password && user.securityQuestion && user.methods.length > 0);
}
