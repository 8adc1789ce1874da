import type * as z from "zod/mini";
import type { AdminAction, AdminChange } from "../../src/api/contracts/account";
import type { MockState, User } from "../db/state";
import type { MockDb } from "../db/store";
import {
  asAdministrator,
  assertMayMake,
  noSuchUser,
  Refusal,
  sees,
  type Administrator,
} from "../rules/administration";
import { recordAudit } from "../rules/audit-log";
import { anyUser, storedUser } from "../rules/firms";
import { holdsGrant, takeGrant } from "../rules/verification-grants";
import { HandlerError } from "./http";
import { signedIn, type SessionContext } from "./session-context";

/**
 * The callers of /api/admin: a signed-in administrator (firm administrator or help desk), else 403
 * for everyone signed in. The rules' refusals become HTTP errors here, so handlers stay thin.
 * (Plumbing, not a handler: it belongs beside session-context.ts.)
 */

type Params = Record<string, string | readonly string[] | undefined>;

function asHandlerError(error: unknown): unknown {
  if (!(error instanceof Refusal)) return error;
  return new HandlerError(error.status, error.code, error.message, {
    ...(error.fields ? { fields: error.fields } : {}),
  });
}

function requireAdministrator(state: MockState, user: User): Administrator {
  const admin = asAdministrator(state, user);
  if (!admin) throw new HandlerError(403, "FORBIDDEN", "Only an administrator can do that.");
  return admin;
}

/** A request an administrator reads with (nothing changes, nothing is audited). */
export function administrator(
  db: MockDb,
  run: (ctx: SessionContext, admin: Administrator, request: Request, params: Params) => unknown,
) {
  return signedIn(db, async (ctx, { user }, request, params) => {
    const admin = requireAdministrator(ctx.state, user);
    try {
      return await run(ctx, admin, request, params);
    } catch (error) {
      throw asHandlerError(error);
    }
  });
}

/** The parameters of a GET, parsed with the contract's schema; a bad one is a 400. */
export function readQuery<S extends z.ZodMiniType>(request: Request, schema: S): z.output<S> {
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      fields[issue.path.join(".") || "query"] = issue.message;
    throw new HandlerError(400, "VALIDATION", "The request is not valid.", { fields });
  }
  return parsed.data as z.output<S>;
}

/** The user an administrator asks about: another firm's, or none, is the same 404. */
export function visibleUser(state: MockState, admin: Administrator, id: string): User {
  const user = anyUser(state, id);
  if (!user || !sees(admin, user)) throw noSuchUser();
  return user;
}

/** What a change tells its audit event as it goes: to whom, which firm, why. */
export type AuditDraft = { user: User | null; firmId: string | null; reason: string };

/**
 * What a change's handler is given. It calls `verified(target)` after its lookups and before it
 * changes anything: that checks the role may make the change and holds a verification for it.
 */
export type ChangeSteps = {
  ctx: SessionContext;
  admin: Administrator;
  draft: AuditDraft;
  verified: (target: string) => void;
  request: Request;
  params: Params;
};
export type ChangeRun = (steps: ChangeSteps) => Promise<{ body: unknown; detail: string }>;

/**
 * An administrative change: allowed for the role, made with the administrator's own fresh "Verify
 * it's you" for exactly this action and target (checked before, used up only once it succeeded,
 * so a refused change costs no verification), and written to the audit log exactly once, success
 * or failure.
 */
export function administrativeChange(db: MockDb, action: AdminAction, run: ChangeRun) {
  return signedIn(db, async (ctx, { session, user }, request, params) => {
    const admin = requireAdministrator(ctx.state, user);
    const draft: AuditDraft = { user: null, firmId: admin.firm?.id ?? null, reason: "" };
    let change: AdminChange | null = null;
    // The role is checked here, after the user is found: another firm's user is a 404 first.
    const verified = (target: string) => {
      assertMayMake(admin, action);
      change = { kind: "admin", action, target };
      if (!holdsGrant(session, ctx.now, change))
        throw new HandlerError(
          403,
          "STEP_UP_REQUIRED",
          "Verify it's you with your password and a security method first.",
        );
    };
    try {
      const { body, detail } = await run({ ctx, admin, draft, verified, request, params });
      if (!change || !takeGrant(session, ctx.now, change))
        throw new Error(`The ${action} change was made without its verification.`);
      recordAudit(ctx.state, admin, ctx.now, { action, ...draft, detail, result: "success" });
      return body;
    } catch (raw) {
      const error = asHandlerError(raw);
      const code = error instanceof HandlerError ? error.code : "SERVER_ERROR";
      const message = error instanceof Error ? error.message : "Failed.";
      recordAudit(ctx.state, admin, ctx.now, {
        action,
        ...draft,
        detail: message,
        result: "failure",
        error: code,
      });
      throw error;
    }
  });
}

/** The user a change is made to, stored from now on (a made-up Large Broker user is copied). */
export function changedUser(
  state: MockState,
  admin: Administrator,
  draft: AuditDraft,
  id: string,
): User {
  const seen = visibleUser(state, admin, id);
  const user = storedUser(state, seen.id) as User;
  draft.user = user;
  draft.firmId = user.firmId;
  return user;
}
