import type { AdminAction, AdminChange } from "../../src/api/contracts/account";
import type { MockDb } from "../db/store";
import {
  asAdministrator,
  assertMayMake,
  type Administrator,
  type AuditDraft,
} from "../rules/administration";
import { recordAudit } from "../rules/audit-log";
import type { User } from "../db/state";
import { Refusal } from "../rules/refusal";
import { holdsGrant, spendGrant } from "../rules/step-up-grants";
import { signedIn, type Call, type Handle, type Resolver } from "./callers";

/**
 * The callers of /api/admin: a signed-in administrator (firm administrator or help desk); anyone
 * else signed in is answered 403, anyone not signed in 401.
 */
export type AdministratorCall = Call & { admin: Administrator };

function requireAdministrator(call: Call & { user: User }): Administrator {
  const admin = asAdministrator(call.ctx.state, call.user);
  if (!admin) throw new Refusal(403, "FORBIDDEN", "Only an administrator can do that.");
  return admin;
}

/** A request an administrator reads with (nothing changes, nothing is audited). */
export function administrator(db: MockDb, handle: Handle<AdministratorCall>): Resolver {
  return signedIn(db, async (call) => handle({ ...call, admin: requireAdministrator(call) }));
}

/**
 * What a change's handler is given. It calls `verified(target)` after its lookups and before it
 * changes anything: that checks the role may make the change and holds a verification for it.
 */
export type ChangeCall = AdministratorCall & {
  draft: AuditDraft;
  verified: (target: string) => void;
};
export type ChangeHandle = (call: ChangeCall) => Promise<{ body: object | null; detail: string }>;

/**
 * An administrative change: allowed for the role, made with the administrator's own fresh "Verify
 * it's you" for exactly this action and target (checked before, used up only once it succeeded,
 * so a refused change costs no verification), and written to the audit log exactly once, success
 * or failure.
 */
export function administrativeChange(
  db: MockDb,
  action: AdminAction,
  handle: ChangeHandle,
): Resolver {
  return signedIn(db, async (call) => {
    const { ctx, session } = call;
    const admin = requireAdministrator(call);
    const draft: AuditDraft = { user: null, firmId: admin.firm?.id ?? null, reason: "" };
    let change: AdminChange | null = null;
    // The role is checked here, after the user is found: another firm's user is a 404 first.
    const verified = (target: string) => {
      assertMayMake(admin, action);
      change = { kind: "admin", action, target };
      if (!holdsGrant(session, ctx.now, change))
        throw new Refusal(
          403,
          "STEP_UP_REQUIRED",
          "Verify it's you with your password and a security method first.",
        );
    };
    try {
      const { body, detail } = await handle({ ...call, admin, draft, verified });
      if (!change) throw new Error(`The ${action} change was made without its verification.`);
      spendGrant(session, ctx.now, change);
      recordAudit(ctx.state, admin, ctx.now, { action, ...draft, detail, result: "success" });
      return body;
    } catch (error) {
      recordAudit(ctx.state, admin, ctx.now, {
        action,
        ...draft,
        detail: error instanceof Error ? error.message : "Failed.",
        result: "failure",
        error: error instanceof Refusal ? error.code : "SERVER_ERROR",
      });
      throw error;
    }
  });
}
