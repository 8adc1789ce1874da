import { recordActivity } from "../db/activity";
import { EMAIL_FOOTER, send } from "../db/outbox";
import type { ActivityType, MockState, User } from "../db/state";
import { describeClient } from "./client-info";
import { constantTimeEqual, randomId } from "./crypto";
import { DAY, POLICY } from "./policy";

/**
 * Every change of a security method or the password: an email with what, when, where and who, and
 * a "Report Suspicious Activity" link (guide Section 2, step 12), plus a Recent Activity entry.
 */
export function notifySecurityChange(
  ctx: { state: MockState; now: number; userAgent: string },
  change: {
    user: User;
    type: ActivityType;
    what: string;
    subject: string;
    /** What else the change did, said after what happened (e.g. the other devices signed out). */
    note?: string;
  },
): void {
  const { state, now, userAgent } = ctx;
  const { user, type, what, subject, note } = change;
  recordActivity(state, { userId: user.id, type, at: now, userAgent, detail: what });
  const reportToken = randomId(24);
  const linkText = "Report Suspicious Activity";
  send(state, {
    channel: "email",
    to: user.email,
    userId: user.id,
    subject,
    text:
      `Hi ${user.firstName},\n\n${subject.replace(/^FINRA TRAQS - /, "")} for your account ${user.login}.\n\n` +
      (note ? `${note}\n\n` : "") +
      `Details\n${what}\n${new Date(now).toUTCString()}\n${describeClient(userAgent)}\n` +
      `Performed by: ${user.firstName} ${user.lastName}\n\nDon't recognize this activity?\n` +
      "Your account may have been compromised; we recommend reporting the suspicious activity to " +
      `your organization.\n${linkText}\n\n${EMAIL_FOOTER}`,
    link: `/report-suspicious-activity/${reportToken}`,
    linkText,
    reportToken,
    sentAt: now,
  });
}

export type ReportLinkUse =
  | { result: "unknown" | "expired" }
  | { result: "recorded" | "alreadyReported"; userId: string; subject: string };

/**
 * A "Report Suspicious Activity" link works once, within POLICY.reportLinkDays of its email; a link
 * already used is answered as such, whatever its age, and records nothing more.
 */
export function takeReportLink(state: MockState, token: string, now: number): ReportLinkUse {
  const email = state.outbox.find(
    (m) => m.reportToken !== undefined && constantTimeEqual(m.reportToken, token),
  );
  if (!email?.userId) return { result: "unknown" };
  const found = { userId: email.userId, subject: email.subject ?? "" };
  if (email.reportedAt !== undefined) return { result: "alreadyReported", ...found };
  if (now - email.sentAt > POLICY.reportLinkDays * DAY) return { result: "expired" };
  email.reportedAt = now;
  return { result: "recorded", ...found };
}

/**
 * An administrator's change to the account: the user is told by email what was done and that an
 * administrator did it (not who: a firm's administrators are a role), and their Recent Activity
 * shows it the same way.
 */
export function notifyAdministratorChange(
  ctx: { state: MockState; now: number; userAgent: string },
  change: {
    user: User;
    what: string;
    /** The email's subject, when not what happened. */
    subject?: string;
    by: "firm-administrator" | "help-desk";
    /** Where the email goes when not the user's primary email (an email change: the old one too). */
    to?: string;
    /** What the user can do now, said after what happened. */
    note?: string;
  },
): void {
  const { state, now, userAgent } = ctx;
  const { user, what, subject = what, by, note } = change;
  const administrator =
    by === "help-desk" ? "the help desk" : "your firm's Super Account Administrator";
  recordActivity(state, {
    userId: user.id,
    type: "administrator_change",
    at: now,
    userAgent,
    detail: `${what} (by ${administrator})`,
  });
  send(state, {
    channel: "email",
    to: change.to ?? user.email,
    userId: user.id,
    subject: `FINRA TRAQS - ${subject}`,
    text:
      `Hi ${user.firstName},\n\n${what} for your account ${user.login}.\n` +
      `This was done by an administrator: ${administrator}.\n\n` +
      (note ? `${note}\n\n` : "") +
      `${new Date(now).toUTCString()}\n\nIf you did not expect this change, contact ${administrator}.\n\n` +
      EMAIL_FOOTER,
    sentAt: now,
  });
}
