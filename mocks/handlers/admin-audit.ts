import { http } from "msw";
import { adminPaths, AuditSearchRequest } from "../../src/api/contracts/admin";
import type { MockDb } from "../db/store";
import { administrator } from "../http/administrators";
import { csvFile, readQuery, route } from "../http/respond";
import { auditCsv, auditPage } from "../rules/audit-log";

/** The audit log: who did what to whom, when, why, and the result; as pages or as CSV. */
export function adminAuditHandlers(db: MockDb) {
  return [
    http.get(
      route(adminPaths.audit),
      administrator(db, async ({ ctx, admin, request }) =>
        auditPage(ctx.state, admin, readQuery(request, AuditSearchRequest)),
      ),
    ),

    /** Every matching row, as a file the browser saves (not JSON: its own response). */
    http.get(
      route(adminPaths.auditCsv),
      administrator(db, async ({ ctx, admin, request }) =>
        csvFile({
          csv: auditCsv(ctx.state, admin, readQuery(request, AuditSearchRequest)),
          fileName: "audit-log.csv",
        }),
      ),
    ),
  ];
}
