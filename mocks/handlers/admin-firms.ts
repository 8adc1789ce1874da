import { http } from "msw";
import { adminPaths, StartNtfTestRequest, type Firm } from "../../src/api/contracts/admin";
import type { FirmRecord, MockState } from "../db/state";
import type { MockDb } from "../db/store";
import { firmFor, firmsOf } from "../rules/administration";
import { ntfTestPeriod, usersOf } from "../rules/firms";
import { startNtfTest } from "../rules/user-administration";
import { administrativeChange, administrator } from "./admin-context";
import { readBody, route } from "./http";

const iso = (ms: number) => new Date(ms).toISOString();
const param = (value: string | readonly string[] | undefined) =>
  typeof value === "string" ? value : "";

function toFirm(state: MockState, firm: FirmRecord, now: number): Firm {
  const period = ntfTestPeriod(firm, now);
  return {
    id: firm.id,
    name: firm.name,
    domains: firm.domains,
    administrators: state.users
      .filter((u) => u.firmId === firm.id && u.role === "firm-administrator")
      .map((u) => ({ id: u.id, name: `${u.firstName} ${u.lastName}`, email: u.email })),
    userCount: usersOf(state, [firm]).length,
    ntfTest: period
      ? { startedAt: iso(period.startedAt), endsAt: iso(period.endsAt), daysLeft: period.daysLeft }
      : null,
  };
}

/** Firms: registered email domains, administrators and the free NTF test period. */
export function adminFirmHandlers(db: MockDb) {
  return [
    http.get(
      route(adminPaths.firms),
      administrator(db, (ctx, admin) =>
        firmsOf(ctx.state, admin).map((f) => toFirm(ctx.state, f, ctx.now)),
      ),
    ),

    http.get(
      route(adminPaths.firm),
      administrator(db, (ctx, admin, _request, params) =>
        toFirm(ctx.state, firmFor(ctx.state, admin, param(params.firmId)), ctx.now),
      ),
    ),

    http.post(
      route(adminPaths.ntfTest),
      administrativeChange(
        db,
        "startNtfTest",
        async ({ ctx, admin, draft, verified, request, params }) => {
          const firm = firmFor(ctx.state, admin, param(params.firmId));
          draft.firmId = firm.id;
          draft.reason = (await readBody(request, StartNtfTestRequest)).reason;
          verified(firm.id);
          const detail = startNtfTest(ctx, firm);
          return { body: toFirm(ctx.state, firm, ctx.now), detail };
        },
      ),
    ),
  ];
}
