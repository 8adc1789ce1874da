import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { fillPath } from "../paths";
import { apiRequest } from "@/api/client";
import {
  adminPaths,
  UserDetail,
  type EditEntitlementsRequest,
  type EditNasdaqApplicationsRequest,
  type SetAdministratorRequest,
  type SetTraqsUsernameRequest,
  type SimpleUserAction,
  type UpdateProfileRequest,
} from "@/api/contracts/admin";
import { AdminMobilePass, type MobilePassAdminAction } from "@/api/contracts/nasdaq";
import { adminKeys } from "./keys";

/** The administrator's MobilePASS actions (Nasdaq two-factor login), by the URL's verb. */
export const MOBILEPASS_ACTIONS = {
  issueMobilePass: "issue",
  resendMobilePass: "resend",
  revokeMobilePass: "revoke",
  reissueMobilePass: "reissue",
  unlockNasdaqLogin: "unlock",
} as const satisfies Record<string, MobilePassAdminAction>;
export type MobilePassAction = keyof typeof MOBILEPASS_ACTIONS;

/** GET /api/admin/users/:id/mobilepass: the user's token (masked) and Nasdaq lockout. */
export const mobilePassQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...adminKeys.user(id), "mobilepass"],
    queryFn: ({ signal }) =>
      apiRequest(`/api/admin/users/${encodeURIComponent(id)}/mobilepass`, AdminMobilePass, {
        signal,
      }),
  });

/** GET /api/admin/users/:id: one user as the administrator sees them, secrets masked. */
export const userQueryOptions = (id: string) =>
  queryOptions({
    queryKey: adminKeys.user(id),
    queryFn: ({ signal }) => apiRequest(fillPath(adminPaths.user, { id }), UserDetail, { signal }),
  });

/**
 * A change to one user, made after the administrator's own "Verify it's you". Its answer is the
 * user as they are now; the searches they appear in and the audit log (one more event, also when
 * it fails) are asked again.
 */
export type UserChange =
  | { action: SimpleUserAction; reason: string }
  | { action: MobilePassAction; reason: string }
  | { action: "setTraqsUsername"; username: string; body: SetTraqsUsernameRequest }
  | { action: "editEntitlements"; body: EditEntitlementsRequest }
  | { action: "editNasdaqApplications"; body: EditNasdaqApplicationsRequest }
  | { action: "updateProfile"; body: UpdateProfileRequest }
  | { action: "setAdministrator"; body: SetAdministratorRequest };

async function send(id: string, change: UserChange) {
  if (change.action in MOBILEPASS_ACTIONS) {
    const verb = MOBILEPASS_ACTIONS[change.action as MobilePassAction];
    await apiRequest(
      `/api/admin/users/${encodeURIComponent(id)}/mobilepass/${verb}`,
      AdminMobilePass,
      {
        method: "POST",
        body: { reason: "reason" in change ? change.reason : "" },
      },
    );
    // The page shows the user as they are now; the token's own part is asked again (onSuccess).
    return apiRequest(fillPath(adminPaths.user, { id }), UserDetail);
  }
  switch (change.action) {
    case "setTraqsUsername":
      return apiRequest(
        fillPath(adminPaths.traqsUsername, { id, username: change.username }),
        UserDetail,
        { method: "PUT", body: change.body },
      );
    case "editEntitlements":
      return apiRequest(fillPath(adminPaths.entitlements, { id }), UserDetail, {
        method: "PUT",
        body: change.body,
      });
    case "editNasdaqApplications":
      return apiRequest(fillPath(adminPaths.nasdaqApplications, { id }), UserDetail, {
        method: "PUT",
        body: change.body,
      });
    case "updateProfile":
      return apiRequest(fillPath(adminPaths.profile, { id }), UserDetail, {
        method: "PUT",
        body: change.body,
      });
    case "setAdministrator":
      return apiRequest(fillPath(adminPaths.administrator, { id }), UserDetail, {
        method: "PUT",
        body: change.body,
      });
    default:
      return apiRequest(
        fillPath(adminPaths.userAction, { id, action: change.action as SimpleUserAction }),
        UserDetail,
        {
          method: "POST",
          body: { reason: change.reason },
        },
      );
  }
}

export function useUserChange(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: UserChange) => send(id, change),
    onSuccess: (user) => {
      queryClient.setQueryData(adminKeys.user(id), user);
      void queryClient.invalidateQueries({ queryKey: mobilePassQueryOptions(id).queryKey });
      void queryClient.invalidateQueries({ queryKey: [...adminKeys.users, "search"] });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: adminKeys.audit }),
  });
}
