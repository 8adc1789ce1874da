import { http } from "msw";
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
import { administrativeChange, administrator } from "../http/administrators";
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
      administrativeChange(
        db,
        "setTraqsUsername",
        async ({ ctx, admin, draft, verified, request, params }) => {
          const { active, reason } = await readBody(request, SetTraqsUsernameRequest);
          draft.reason = reason;
          const user = changedUser(ctx.state, admin, draft, param(params.id));
          verified(user.id);
          const detail = setTraqsUsername(ctx, admin, user, param(params.username), active);
          return { body: toUserDetail(ctx.state, user, ctx.now), detail };
        },
      ),
    ),

    http.put(
      route(adminPaths.entitlements),
      administrativeChange(
        db,
        "editEntitlements",
        async ({ ctx, admin, draft, verified, request, params }) => {
          const { entitlements, reason } = await readBody(request, EditEntitlementsRequest);
          draft.reason = reason;
          const user = changedUser(ctx.state, admin, draft, param(params.id));
          verified(user.id);
          const detail = editEntitlements(ctx, admin, user, entitlements);
          return { body: toUserDetail(ctx.state, user, ctx.now), detail };
        },
      ),
    ),

    http.put(
      route(adminPaths.nasdaqApplications),
      administrativeChange(
        db,
        "editNasdaqApplications",
        async ({ ctx, admin, draft, verified, request, params }) => {
          const { nasdaqApplications, reason } = await readBody(
            request,
            EditNasdaqApplicationsRequest,
          );
          draft.reason = reason;
          const user = changedUser(ctx.state, admin, draft, param(params.id));
          verified(user.id);
          const detail = editNasdaqApplications(ctx, admin, user, nasdaqApplications);
          return { body: toUserDetail(ctx.state, user, ctx.now), detail };
        },
      ),
    ),

    http.put(
      route(adminPaths.profile),
      administrativeChange(
        db,
        "updateProfile",
        async ({ ctx, admin, draft, verified, request, params }) => {
          const { reason, ...profile } = await readBody(request, UpdateProfileRequest);
          draft.reason = reason;
          const user = changedUser(ctx.state, admin, draft, param(params.id));
          verified(user.id);
          const detail = updateProfile(ctx, admin, user, profile);
          return { body: toUserDetail(ctx.state, user, ctx.now), detail };
        },
      ),
    ),

    http.put(
      route(adminPaths.administrator),
      administrativeChange(
        db,
        "setAdministrator",
        async ({ ctx, admin, draft, verified, request, params }) => {
          const { administrator: makeAdministrator, reason } = await readBody(
            request,
            SetAdministratorRequest,
          );
          draft.reason = reason;
          const user = changedUser(ctx.state, admin, draft, param(params.id));
          verified(user.id);
          const detail = setAdministrator(ctx, admin, user, makeAdministrator);
          return { body: toUserDetail(ctx.state, user, ctx.now), detail };
        },
      ),
    ),
  ];
}
