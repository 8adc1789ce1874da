import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { buildUser } from "../db/factories";
import { seedState } from "../db/seed";
import { auditCsv, recordAudit } from "./audit-log";

describe("the audit log's CSV", () => {
  it("neutralises every value a spreadsheet would take for a formula, line breaks included", async () => {
    const state = await seedState(Date.UTC(2026, 0, 5));
    const admin = {
      user: buildUser({ login: "=cmd@x.example", firstName: "+Eve" }),
      role: "help-desk" as const,
      firm: null,
    };
    const reasons = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "ok\n=1", "=1\n=2", "plain"];
    for (const reason of reasons)
      recordAudit(state, admin, Date.UTC(2026, 0, 5), {
        action: "unlock",
        user: null,
        firmId: null,
        detail: "-detail",
        reason,
        result: "success",
      });
    const rows = Papa.parse<string[]>(auditCsv(state, admin, { page: "1" }).trim()).data.slice(1);
    expect(rows).toHaveLength(reasons.length);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.map((r) => r[7]).reverse()).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\t=1",
      "'\r=1",
      "ok\n=1",
      "'=1\n=2",
      "plain",
    ]);
  });
});
