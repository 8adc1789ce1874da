import { http, HttpResponse } from "msw";
import { adminPaths, AuditSearchRequest } from "../../src/api/contracts/admin";
import type { MockDb } from "../db/store";
import { asAdministrator } from "../rules/administration";
import { auditCsv, auditPage } from "../rules/audit-log";
import { administrator, readQuery } from "./admin-context";
import { HandlerError, respond, route } from "./http";
import { requireSignedIn } from "./session-context";

/** The audit log: who did what to whom, when, why, and the result; as pages or as CSV. */
export function adminAuditHandlers(db: MockDb) {
  return [
    http.get(
      route(adminPaths.audit),
      administrator(db, (ctx, admin, request) =>
        auditPage(ctx.state, admin, readQuery(request, AuditSearchRequest)),
      ),
    ),

    /** Every matching row, as a file the browser saves (not JSON: its own response). */
    http.get(route(adminPaths.auditCsv), ({ request, cookies }) =>
      respond(() =>
        db.transaction((state) => {
          const { user } = requireSignedIn(state, cookies, db.now(state));
          const admin = asAdministrator(state, user);
          if (!admin)
            throw new HandlerError(403, "FORBIDDEN", "Only an administrator can do that.");
          const csv = auditCsv(state, admin, readQuery(request, AuditSearchRequest));
          return new HttpResponse(csv, {
            headers: {
              "Content-Type": "text/csv; charset=utf-8",
              "Content-Disposition": 'attachment; filename="audit-log.csv"',
              "Cache-Control": "no-store",
            },
          });
        }),
      ),
    ),
  ];
}
