import { http } from "msw";
import { ReportRequest } from "../../src/api/contracts/account";
import type { MockDb } from "../db/store";
import { anonymous } from "../http/callers";
import { readBody, route } from "../http/respond";
import { reportByLink } from "../rules/activity";

/** The "Report Suspicious Activity" link of a notification email: no sign-in needed. */
export function reportHandlers(db: MockDb) {
  return [
    http.post(
      route("/api/reports/suspicious-activity"),
      anonymous(db, async ({ ctx, request }) => {
        const { token } = await readBody(request, ReportRequest);
        return reportByLink(ctx, token);
      }),
    ),
  ];
}
