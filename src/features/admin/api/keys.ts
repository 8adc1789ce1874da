import type { AuditSearch } from "./audit";
import type { UserSearch } from "./users";

/**
 * The query keys of Administration, in one tree: a change invalidates the branch it changed (a
 * user's detail, the lists they appear in, the audit log that records it) and nothing else.
 */
export const adminKeys = {
  users: ["admin", "users"] as const,
  userSearch: (search: UserSearch) => [...adminKeys.users, "search", search] as const,
  user: (id: string) => [...adminKeys.users, "detail", id] as const,
  audit: ["admin", "audit"] as const,
  auditSearch: (search: AuditSearch) => [...adminKeys.audit, search] as const,
  firms: ["admin", "firms"] as const,
};
