import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { generatePath } from "react-router";
import { apiRequest } from "@/api/client";
import {
  adminPaths,
  UserDetail,
  type EditEntitlementsRequest,
  type SetAdministratorRequest,
  type SetTraqsUsernameRequest,
  type SimpleUserAction,
  type UpdateProfileRequest,
} from "@/api/contracts/admin";
import { adminKeys } from "./keys";

/** GET /api/admin/users/:id: one user as the administrator sees them, secrets masked. */
export const userQueryOptions = (id: string) =>
  queryOptions({
    queryKey: adminKeys.user(id),
    queryFn: ({ signal }) =>
      apiRequest(generatePath(adminPaths.user, { id }), UserDetail, { signal }),
  });

/**
 * A change to one user, made after the administrator's own "Verify it's you". Its answer is the
 * user as they are now; the searches they appear in and the audit log (one more event, also when
 * it fails) are asked again.
 */
export type UserChange =
  | { action: SimpleUserAction; reason: string }
  | { action: "setTraqsUsername"; username: string; body: SetTraqsUsernameRequest }
  | { action: "editEntitlements"; body: EditEntitlementsRequest }
  | { action: "updateProfile"; body: UpdateProfileRequest }
  | { action: "setAdministrator"; body: SetAdministratorRequest };

function send(id: string, change: UserChange) {
  switch (change.action) {
    case "setTraqsUsername":
      return apiRequest(
        generatePath(adminPaths.traqsUsername, { id, username: change.username }),
        UserDetail,
        { method: "PUT", body: change.body },
      );
    case "editEntitlements":
      return apiRequest(generatePath(adminPaths.entitlements, { id }), UserDetail, {
        method: "PUT",
        body: change.body,
      });
    case "updateProfile":
      return apiRequest(generatePath(adminPaths.profile, { id }), UserDetail, {
        method: "PUT",
        body: change.body,
      });
    case "setAdministrator":
      return apiRequest(generatePath(adminPaths.administrator, { id }), UserDetail, {
        method: "PUT",
        body: change.body,
      });
    default:
      return apiRequest(
        generatePath(adminPaths.userAction, { id, action: change.action }),
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
      void queryClient.invalidateQueries({ queryKey: [...adminKeys.users, "search"] });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: adminKeys.audit }),
  });
}
