import { http } from "msw";
import type * as z from "zod/mini";
import type { AdminAction } from "../../src/api/contracts/account";
import type { User } from "../db/state";
import {
  AdminActionRequest,
  adminPaths,
  EditEntitlementsRequest,
  EditNasdaqApplicationsRequest,
  OrderFormRequest,
  SetAdministratorRequest,
  SetTraqsUsernameRequest,
  SimpleUserAction,
  UpdateProfileRequest,
  UserSearchRequest,
} from "../../src/api/contracts/admin";
import type { MockDb } from "../db/store";
import { administrativeChange, administrator, type ChangeCall } from "../http/administrators";
import {
  changedUser,
  firmFor,
  searchUsers,
  toUserDetail,
  visibleUser,
} from "../rules/administration";
import {
  editEntitlements,
  invite,
  setAdministrator,
  setTraqsUsername,
  simpleChanges,
  updateProfile,
} from "../rules/user-administration";
import { editNasdaqApplications } from "../rules/nasdaq";
import { readBody, readQuery, route } from "../http/respond";

const param = (value: string | readonly string[] | undefined) =>
  typeof value === "string" ? value : "";

/**
 * A PUT on one user's record: its body read by the contract (the reason with it), the user found,
 * the administrator's verification for them checked, the change made; the answer is the user now.
 */
function userEdit<Body extends { reason: string }>(
  db: MockDb,
  action: AdminAction,
  schema: z.ZodMiniType<Body>,
  change: (call: ChangeCall, user: User, body: Body) => string | Promise<string>,
) {
  return administrativeChange(db, action, async (call) => {
    const { ctx, admin, draft, verified, request, params } = call;
    const body = await readBody(request, schema);
    draft.reason = body.reason;
    const user = changedUser(ctx.state, admin, draft, param(params.id));
    verified(user.id);
    const detail = await change(call, user, body);
    return { body: toUserDetail(ctx.state, user, ctx.now), detail };
  });
}

/** Administration of users: search, one user, the Order Form and every change to a user. */
export function adminUserHandlers(db: MockDb) {
  return [
    http.get(
      route(adminPaths.users),
      administrator(db, async ({ ctx, admin, request }) =>
        searchUsers(ctx.state, admin, readQuery(request, UserSearchRequest), ctx.now),
      ),
    ),

    http.get(
      route(adminPaths.user),
      administrator(db, async ({ ctx, admin, params }) =>
        toUserDetail(ctx.state, visibleUser(ctx.state, admin, param(params.id)), ctx.now),
      ),
    ),

    http.post(
      route(adminPaths.orderForm),
      administrativeChange(db, "invite", async ({ ctx, admin, draft, verified, request }) => {
        const form = await readBody(request, OrderFormRequest);
        draft.reason = form.reason;
        const firm = firmFor(ctx.state, admin, form.firmId ?? admin.firm?.id ?? "");
        draft.firmId = firm.id;
        verified(firm.id);
        const { user, detail } = await invite(ctx, admin, firm, form);
        draft.user = user;
        return { body: toUserDetail(ctx.state, user, ctx.now), detail };
      }),
    ),

    ...SimpleUserAction.options.map((action) =>
      http.post(
        route(adminPaths.userAction.replace(":action", action)),
        administrativeChange(
          db,
          action,
          async ({ ctx, admin, draft, verified, request, params }) => {
            draft.reason = (await readBody(request, AdminActionRequest)).reason;
            const user = changedUser(ctx.state, admin, draft, param(params.id));
            verified(user.id);
            const detail = await simpleChanges[action](ctx, admin, user);
            const stillThere = ctx.state.users.includes(user);
            return { body: stillThere ? toUserDetail(ctx.state, user, ctx.now) : null, detail };
          },
        ),
      ),
    ),

    http.put(
      route(adminPaths.traqsUsername),
      userEdit(
        db,
        "setTraqsUsername",
        SetTraqsUsernameRequest,
        ({ ctx, admin, params }, user, { active }) =>
          setTraqsUsername(ctx, admin, user, param(params.username), active),
      ),
    ),

    http.put(
      route(adminPaths.entitlements),
      userEdit(
        db,
        "editEntitlements",
        EditEntitlementsRequest,
        ({ ctx, admin }, user, { entitlements }) =>
          editEntitlements(ctx, admin, user, entitlements),
      ),
    ),

    http.put(
      route(adminPaths.nasdaqApplications),
      userEdit(
        db,
        "editNasdaqApplications",
        EditNasdaqApplicationsRequest,
        ({ ctx, admin }, user, { nasdaqApplications }) =>
          editNasdaqApplications(ctx, admin, user, nasdaqApplications),
      ),
    ),

    http.put(
      route(adminPaths.profile),
      userEdit(
        db,
        "updateProfile",
        UpdateProfileRequest,
        ({ ctx, admin }, user, { reason: _reason, ...profile }) =>
          updateProfile(ctx, admin, user, profile),
      ),
    ),

    http.put(
      route(adminPaths.administrator),
      userEdit(
        db,
        "setAdministrator",
        SetAdministratorRequest,
        ({ ctx, admin }, user, { administrator: makeAdministrator }) =>
          setAdministrator(ctx, admin, user, makeAdministrator),
      ),
    ),
  ];
}
