import type { ActivityItem, ActivityPage, ReportResult } from "../../src/api/contracts/account";
import { recordActivity } from "../db/activity";
import type { ActivityRecord, MockState, User } from "../db/state";
import { describeClient } from "./client-info";
import type { Context } from "./context";
import { iso } from "./dates";
import { takeReportLink } from "./notifications";
import { POLICY } from "./policy";
import { Refusal } from "./refusal";

/** Recent Activity: sign-ins and security events, and the user's reports of those not theirs. */

const ACTIVITY_PAGE_SIZE = 10;

const SIGN_IN_TYPES = new Set(["sign_in", "sign_in_password_failed", "factor_failed", "sign_out"]);
const FAILURES = new Set([
  "sign_in_password_failed",
  "nasdaq_sign_in_failed",
  "nasdaq_locked",
  "factor_failed",
  "account_locked",
  "passkey_counter_refused",
]);

function toActivityItem(record: ActivityRecord): ActivityItem {
  return {
    id: record.id,
    kind: SIGN_IN_TYPES.has(record.type) ? "sign_in" : "security",
    type: record.type,
    at: iso(record.at),
    result: FAILURES.has(record.type) ? "failure" : record.type === "sign_in" ? "success" : "info",
    client: describeClient(record.userAgent),
    ...(record.detail ? { detail: record.detail } : {}),
    reported: Boolean(record.reported),
  };
}

export function reportActivity(
  state: MockState,
  userId: string,
  now: number,
  userAgent: string,
  detail: string,
) {
  recordActivity(state, {
    userId,
    type: "suspicious_activity_reported",
    at: now,
    userAgent,
    detail,
  });
}

/** Recent Activity: sign-ins and security events, newest first, a page at a time. */
export function activityPage(state: MockState, user: User, asked: number): ActivityPage {
  const all = state.activity.filter((a) => a.userId === user.id).sort((a, b) => b.at - a.at);
  const pageCount = Math.max(1, Math.ceil(all.length / ACTIVITY_PAGE_SIZE));
  const page = Number.isInteger(asked) ? Math.min(Math.max(1, asked), pageCount) : 1;
  const items = all
    .slice((page - 1) * ACTIVITY_PAGE_SIZE, page * ACTIVITY_PAGE_SIZE)
    .map(toActivityItem);
  return { items, page, pageCount };
}

/** "This wasn't me": records the report against that event. */
export function reportEvent(ctx: Context, user: User, id: unknown): void {
  const record = ctx.state.activity.find((a) => a.id === id && a.userId === user.id);
  if (!record) throw new Refusal(404, "NOT_FOUND", "No such activity.");
  record.reported = true;
  reportActivity(ctx.state, user.id, ctx.now, ctx.userAgent, record.type);
}

/** The "Report Suspicious Activity" link of a notification email (no sign-in needed). */
export function reportByLink(ctx: Context, token: string): ReportResult {
  const link = takeReportLink(ctx.state, token, ctx.now);
  if (link.result === "unknown")
    throw new Refusal(404, "NOT_FOUND", "This report link is not valid.");
  if (link.result === "expired")
    throw new Refusal(
      410,
      "REPORT_LINK_EXPIRED",
      `This report link has expired: it was valid for ${POLICY.reportLinkDays} days.`,
    );
  if (link.result === "recorded")
    reportActivity(ctx.state, link.userId, ctx.now, ctx.userAgent, link.subject);
  return { status: link.result === "recorded" ? "RECORDED" : "ALREADY_REPORTED" };
}
