import { http } from "msw";
import { AdminActionRequest, adminPaths } from "../../src/api/contracts/admin";
import { MOBILEPASS_ADMIN_ACTIONS } from "../../src/api/contracts/nasdaq";
import type { MockDb } from "../db/store";
import { administrativeChange, administrator } from "../http/administrators";
import { readBody, route } from "../http/respond";
import { changedUser, visibleUser } from "../rules/administration";
import {
  assertMobilePassActionAllowed,
  doMobilePassAction,
  MOBILEPASS_AUDIT_ACTIONS,
  toAdminMobilePass,
} from "../rules/nasdaq";

const param = (value: string | readonly string[] | undefined) =>
  typeof value === "string" ? value : "";

/** A user's MobilePASS token on their administration page: as it is, and each action. */
export function adminMobilePassHandlers(db: MockDb) {
  const base = `${adminPaths.user}/mobilepass`;
  return [
    http.get(
      route(base),
      administrator(db, async ({ ctx, admin, params }) =>
        toAdminMobilePass(ctx.state, visibleUser(ctx.state, admin, param(params.id)), ctx.now),
      ),
    ),
    ...MOBILEPASS_ADMIN_ACTIONS.map((action) =>
      http.post(
        route(`${base}/${action}`),
        administrativeChange(
          db,
          MOBILEPASS_AUDIT_ACTIONS[action],
          async ({ ctx, admin, draft, verified, request, params }) => {
            draft.reason = (await readBody(request, AdminActionRequest)).reason;
            const user = changedUser(ctx.state, admin, draft, param(params.id));
            // Checked before the verification is used: another firm's user is 404, a refusal 409.
            assertMobilePassActionAllowed(ctx, action, user);
            verified(user.id);
            const detail = await doMobilePassAction(ctx, admin, action, user);
            return { body: toAdminMobilePass(ctx.state, user, ctx.now), detail };
          },
        ),
      ),
    ),
  ];
}
