import { http } from "msw";
import {
  Preferences,
  ReportRequest,
  ResetPasswordRequest,
  SetLanguageRequest,
  StartStepUpRequest,
  type AccountState,
  type ActivityItem,
  type ReportResult,
  type SetUpMethod,
} from "../../src/api/contracts/account";
import { recordActivity } from "../db/activity";
import { endOtherSessions, rotateSession, userById } from "../db/sessions";
import type { ActivityRecord, MockState, Session, StepUp, User } from "../db/state";
import type { MockDb } from "../db/store";
import { describeClient, userAgentOf } from "../rules/client-info";
import { removeMethod } from "../rules/method-removal";
import { notifySecurityChange, takeReportLink } from "../rules/notifications";
import { MINUTE, POLICY } from "../rules/policy";
import { recoveryCodesView } from "../rules/recovery-codes";
import {
  hasSettingsAccess,
  holdsGrant,
  SETTINGS_MINUTES,
  takeGrant,
  type GrantFor,
} from "../rules/verification-grants";
import { assertPasswordAllowed, storePassword } from "./enrollment";
import { HandlerError, json, readBody, respond, route } from "./http";
import { profileOf } from "./me";
import { passkeyVerificationHandlers } from "./passkeys";
import { signedIn, signedInFrom, type SessionContext } from "./session-context";
import {
  toFactor,
  toVerificationState,
  verificationHandlers,
  type VerificationFlow,
} from "./verification";

const ACTIVITY_PAGE_SIZE = 10;

const iso = (ms: number) => new Date(ms).toISOString();

function requireSettingsAccess(session: Session, now: number): void {
  if (!hasSettingsAccess(session, now)) {
    throw new HandlerError(
      403,
      "STEP_UP_REQUIRED",
      "Verify it's you with a security method first.",
    );
  }
}

/**
 * A reset, removal or set-up ("change": password and method, made for that one change), Get
 * Token ("token": a method) or Show token ("show-token": a method) needs its own fresh
 * verification, used up here. A verification made
 * for another change is refused and stays unspent.
 */
export function spendGrant(session: Session, now: number, action: GrantFor): void {
  if (!takeGrant(session, now, action)) {
    throw new HandlerError(
      403,
      "STEP_UP_REQUIRED",
      typeof action === "string"
        ? "Verify it's you with a security method first."
        : "Verify it's you with your password and a security method first.",
    );
  }
}

/** The set-up that Settings' change verification allows in this session now, if any. */
export function settingsSetUp(session: Session, now: number): SetUpMethod | null {
  const change = session.stepUp?.grant?.change;
  return change?.kind === "setUp" && holdsGrant(session, now, change) ? change.method : null;
}

export function toAccountState(user: User, session: Session): AccountState {
  return {
    ...profileOf(user),
    passwordChangedAt: user.passwordChangedAt === undefined ? null : iso(user.passwordChangedAt),
    securityQuestionSet: Boolean(user.securityQuestion),
    methods: user.methods.map(toFactor),
    ...recoveryCodesView(user),
    verifiedUntil: iso((session.stepUp?.factorAt ?? 0) + SETTINGS_MINUTES * MINUTE),
  };
}

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

function reportActivity(
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

/** "Verify it's you": a step-up inside the signed-in session, with the sign-in's own steps. */
const stepUp: VerificationFlow = {
  base: "/api/step-up",
  kind: "step-up",
  load(ctx) {
    const { session, user } = signedInFrom(ctx);
    if (!session.stepUp) throw new HandlerError(409, "WRONG_STEP", "Start the verification again.");
    return { session, tx: session.stepUp, user, login: user.login };
  },
  passwordVerified(ctx, { session }) {
    const tx = session.stepUp as StepUp;
    // Before a change the password comes first, then a method; to open Settings it is enough.
    if (tx.stage === "PASSWORD") tx.stage = "FACTOR";
    else completeStepUp(ctx, session);
  },
  acceptsPasswordAlone: ({ session }) => opensSettingsWithPassword(session.stepUp),
  completed(ctx, { session, user }, lastUsed) {
    if (lastUsed) user.lastUsed = lastUsed;
    completeStepUp(ctx, session);
  },
  view: (ctx, session) => stepUpView(ctx, session),
};

/** Opening Settings takes one method or the password (guide Section 2); the rest, a method. */
function opensSettingsWithPassword(tx: StepUp | null | undefined): boolean {
  return tx?.purpose === "view" && tx.stage === "FACTOR";
}

function completeStepUp(ctx: SessionContext, session: Session) {
  const tx = session.stepUp as StepUp;
  tx.stage = "SUCCESS";
  tx.factorAt = ctx.now;
  if (tx.purpose !== "view") tx.grant = { purpose: tx.purpose, change: tx.change, at: ctx.now };
  rotateSession(session);
}

function stepUpView(ctx: SessionContext, session: Session | null) {
  const user = session ? userById(ctx.state, session.userId) : null;
  const tx = session?.stepUp;
  const state = toVerificationState(
    ctx.state,
    {
      status: tx?.stage ?? "IDENTIFY",
      username: user?.login ?? null,
      user,
      challenge: tx?.challenge ?? null,
    },
    ctx.now,
  );
  return opensSettingsWithPassword(tx) ? { ...state, passwordAccepted: true } : state;
}

export function accountHandlers(db: MockDb) {
  return [
    http.post(
      route("/api/step-up/start"),
      signedIn(db, async (ctx, { session }, request) => {
        const start = await readBody(request, StartStepUpRequest);
        session.stepUp = {
          purpose: start.purpose,
          change: start.purpose === "change" ? start.change : null,
          stage: start.purpose === "change" ? "PASSWORD" : "FACTOR",
          challenge: null,
          factorAt: session.stepUp?.factorAt ?? null,
          grant: null,
        };
        return stepUpView(ctx, session);
      }),
    ),
    http.get(
      route("/api/step-up"),
      signedIn(db, async (ctx, { session }) => stepUpView(ctx, session)),
    ),
    ...verificationHandlers(db, stepUp),
    ...passkeyVerificationHandlers(db, stepUp),

    http.get(
      route("/api/account"),
      signedIn(db, async (ctx, { session, user }) => {
        requireSettingsAccess(session, ctx.now);
        return toAccountState(user, session);
      }),
    ),

    /** The display language is not a security setting: the signed-in user may change it. */
    http.put(
      route("/api/account/language"),
      signedIn(db, async (ctx, { session, user }, request) => {
        const { language } = await readBody(request, SetLanguageRequest);
        requireSettingsAccess(session, ctx.now);
        user.language = language;
        return toAccountState(user, session);
      }),
    ),

    http.delete(
      route("/api/account/methods/:id"),
      signedIn(db, async (ctx, { session, user }, _request, params) => {
        const method = user.methods.find((m) => m.id === params.id);
        if (!method)
          throw new HandlerError(404, "NOT_FOUND", "That security method is not enrolled.");
        // The rule is checked before the grant is used, so a refused removal costs no verification.
        if (user.methods.length === 1) {
          throw new HandlerError(
            409,
            "LAST_METHOD",
            "The last security method for access cannot be removed.",
          );
        }
        spendGrant(session, ctx.now, { kind: "removeMethod", methodId: method.id });
        removeMethod(ctx.state, user, method.id);
        const what =
          method.type === "phone"
            ? `Phone ${toFactor(method).maskedPhone}`
            : method.type === "okta_verify"
              ? `Okta Verify (${method.deviceName})`
              : method.type === "passkey"
                ? `Passkey (${method.name})`
                : "Google Authenticator";
        notifySecurityChange(ctx, {
          user: user,
          type: "method_removed",
          what: what,
          subject: "FINRA TRAQS - Security method reset",
        });
        return toAccountState(user, session);
      }),
    ),

    http.delete(
      route("/api/account/security-question"),
      signedIn(db, async (ctx, { session, user }) => {
        if (!user.securityQuestion)
          throw new HandlerError(404, "NOT_FOUND", "No security question is set up.");
        spendGrant(session, ctx.now, { kind: "removeSecurityQuestion" });
        delete user.securityQuestion;
        notifySecurityChange(ctx, {
          user: user,
          type: "security_question_removed",
          what: "Security Question",
          subject: "FINRA TRAQS - Security method reset",
        });
        return toAccountState(user, session);
      }),
    ),

    http.post(
      route("/api/account/password"),
      signedIn(db, async (ctx, { session, user }, request) => {
        const { password, signOutOtherDevices } = await readBody(request, ResetPasswordRequest);
        await assertPasswordAllowed(user, password, ctx.now);
        spendGrant(session, ctx.now, { kind: "resetPassword" });
        await storePassword(user, password, ctx.now);
        if (signOutOtherDevices) endOtherSessions(ctx.state, user.id, session);
        notifySecurityChange(ctx, {
          user: user,
          type: "password_reset",
          what: "Password",
          subject: "FINRA TRAQS - Password reset",
        });
        return toAccountState(user, session);
      }),
    ),

    http.get(
      route("/api/account/preferences"),
      signedIn(db, async (_ctx, { user }) => user.preferences),
    ),
    http.put(
      route("/api/account/preferences"),
      signedIn(db, async (_ctx, { user }, request) => {
        user.preferences = await readBody(request, Preferences);
        return user.preferences;
      }),
    ),

    /** Recent Activity: sign-ins and security events, newest first, a page at a time. */
    http.get(
      route("/api/account/activity"),
      signedIn(db, async (ctx, { user }, request) => {
        const all = ctx.state.activity
          .filter((a) => a.userId === user.id)
          .sort((a, b) => b.at - a.at);
        const pageCount = Math.max(1, Math.ceil(all.length / ACTIVITY_PAGE_SIZE));
        const asked = Number(new URL(request.url).searchParams.get("page") ?? "1");
        const page = Number.isInteger(asked) ? Math.min(Math.max(1, asked), pageCount) : 1;
        const items = all
          .slice((page - 1) * ACTIVITY_PAGE_SIZE, page * ACTIVITY_PAGE_SIZE)
          .map(toActivityItem);
        return { items, page, pageCount };
      }),
    ),

    /** "This wasn't me": records the report against that event. */
    http.post(
      route("/api/account/activity/:id/report"),
      signedIn(db, async (ctx, { user }, _request, params) => {
        const record = ctx.state.activity.find((a) => a.id === params.id && a.userId === user.id);
        if (!record) throw new HandlerError(404, "NOT_FOUND", "No such activity.");
        record.reported = true;
        reportActivity(ctx.state, user.id, ctx.now, ctx.userAgent, record.type);
        return null;
      }),
    ),

    /** The "Report Suspicious Activity" link of a notification email (no sign-in needed). */
    http.post(route("/api/reports/suspicious-activity"), ({ request }) =>
      respond(() =>
        db.transaction(async (state): Promise<Response> => {
          const { token } = await readBody(request, ReportRequest);
          const now = db.now(state);
          const link = takeReportLink(state, token, now);
          if (link.result === "unknown")
            throw new HandlerError(404, "NOT_FOUND", "This report link is not valid.");
          if (link.result === "expired")
            throw new HandlerError(
              410,
              "REPORT_LINK_EXPIRED",
              `This report link has expired: it was valid for ${POLICY.reportLinkDays} days.`,
            );
          if (link.result === "recorded")
            reportActivity(state, link.userId, now, userAgentOf(request), link.subject);
          const answer: ReportResult = {
            status: link.result === "recorded" ? "RECORDED" : "ALREADY_REPORTED",
          };
          return json(answer);
        }),
      ),
    ),
  ];
}
