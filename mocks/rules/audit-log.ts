import Papa from "papaparse";
import type { AdminAction } from "../../src/api/contracts/account";
import {
  AUDIT_CSV_COLUMNS,
  AUDIT_PAGE_SIZE,
  type AuditEvent,
  type AuditPage,
  type AuditSearchRequest,
} from "../../src/api/contracts/admin";
import type * as z from "zod/mini";
import type { AuditRecord, MockState, User } from "../db/state";
import type { Administrator } from "./administration";
import { randomId } from "./crypto";
import { firmById } from "./firms";
import { DAY } from "./policy";

const iso = (ms: number) => new Date(ms).toISOString();
const fullName = (user: User) => `${user.firstName} ${user.lastName}`;

/** One administrative change, as it happened: the audit log keeps exactly one event for each. */
export type AuditEntry = {
  action: AdminAction;
  /** The user it was made to (null: a firm's change, or a user the administrator may not see). */
  user: User | null;
  /** The firm it concerns: the user's, or the firm changed. */
  firmId: string | null;
  detail: string;
  reason: string;
  result: "success" | "failure";
  error?: string;
};

export function recordAudit(
  state: MockState,
  admin: Administrator,
  now: number,
  entry: AuditEntry,
): AuditRecord {
  const record: AuditRecord = {
    id: randomId(),
    at: now,
    administratorId: admin.user.id,
    administratorName: fullName(admin.user),
    administratorEmail: admin.user.email,
    role: admin.role,
    action: entry.action,
    userId: entry.user?.id ?? null,
    userName: entry.user ? fullName(entry.user) : null,
    userEmail: entry.user?.email ?? null,
    firmId: entry.firmId,
    detail: entry.detail,
    reason: entry.reason,
    result: entry.result,
    ...(entry.error ? { error: entry.error } : {}),
  };
  state.auditLog.push(record);
  return record;
}

/**
 * The events an administrator may read: the help desk every one; a firm administrator those of
 * their firm (its users and the firm itself, and what its administrators tried elsewhere).
 */
function readable(state: MockState, admin: Administrator): AuditRecord[] {
  const firm = admin.firm;
  if (!firm) return state.auditLog;
  const ownAdministrators = new Set(
    state.users.filter((u) => u.firmId === firm.id).map((u) => u.id),
  );
  return state.auditLog.filter(
    (e) => e.firmId === firm.id || ownAdministrators.has(e.administratorId),
  );
}

type AuditQuery = z.output<typeof AuditSearchRequest>;

/** The events that match the filters, newest first. */
export function findAudit(state: MockState, admin: Administrator, query: AuditQuery) {
  const who = query.administrator?.toLowerCase();
  const whom = query.user?.toLowerCase();
  const from = query.from ? Date.parse(`${query.from}T00:00:00Z`) : -Infinity;
  const to = query.to ? Date.parse(`${query.to}T00:00:00Z`) + DAY : Infinity;
  return readable(state, admin)
    .filter(
      (e) =>
        (!who ||
          e.administratorName.toLowerCase().includes(who) ||
          e.administratorEmail.toLowerCase().includes(who)) &&
        (!whom ||
          (e.userName ?? "").toLowerCase().includes(whom) ||
          (e.userEmail ?? "").toLowerCase().includes(whom)) &&
        (!query.action || e.action === query.action) &&
        e.at >= from &&
        e.at < to,
    )
    .sort((a, b) => b.at - a.at);
}

export function toAuditEvent(state: MockState, record: AuditRecord): AuditEvent {
  const firm = firmById(state, record.firmId);
  return {
    id: record.id,
    at: iso(record.at),
    administrator: {
      id: record.administratorId,
      name: record.administratorName,
      email: record.administratorEmail,
    },
    role: record.role,
    action: record.action,
    user:
      record.userId === null
        ? null
        : { id: record.userId, name: record.userName ?? "", email: record.userEmail ?? "" },
    firm: firm ? { id: firm.id, name: firm.name } : null,
    detail: record.detail,
    reason: record.reason,
    result: record.result,
    ...(record.error ? { error: record.error } : {}),
  };
}

export function auditPage(state: MockState, admin: Administrator, query: AuditQuery): AuditPage {
  const all = findAudit(state, admin, query);
  const pageCount = Math.max(1, Math.ceil(all.length / AUDIT_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  return {
    items: all
      .slice((page - 1) * AUDIT_PAGE_SIZE, page * AUDIT_PAGE_SIZE)
      .map((record) => toAuditEvent(state, record)),
    total: all.length,
    page,
    pageCount,
  };
}

/**
 * Neutralised by a leading apostrophe: a cell a spreadsheet would take for a formula (OWASP CSV
 * injection). Papa Parse's own pattern ends at the first line break, so a value with one after
 * its `=` would get through: this one looks at the first character only.
 */
const FORMULA = /^[=+\-@\t\r]/;

/** The matching events as CSV, every row (decision 019: Papa Parse writes it). */
export function auditCsv(state: MockState, admin: Administrator, query: AuditQuery): string {
  const rows = findAudit(state, admin, query).map((record) => {
    const firm = firmById(state, record.firmId);
    return [
      iso(record.at),
      `${record.administratorName} <${record.administratorEmail}>`,
      record.role,
      record.action,
      record.userId === null ? "" : `${record.userName ?? ""} <${record.userEmail ?? ""}>`,
      firm?.name ?? "",
      record.detail,
      record.reason,
      record.error ? `${record.result} (${record.error})` : record.result,
    ];
  });
  return Papa.unparse(
    { fields: [...AUDIT_CSV_COLUMNS], data: rows },
    { escapeFormulae: FORMULA, newline: "\r\n" },
  );
}
