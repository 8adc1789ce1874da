import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "./endpoints";
import { apiRequest } from "./client";
import { Me, type SelectTraqsUsernameRequest } from "./contracts/me";

/** The signed-in user: every signed-in area reads it, so it lives here rather than in a feature. */
export const meQueryOptions = () =>
  queryOptions({
    queryKey: ["me"],
    queryFn: ({ signal }) => apiRequest(endpoints.me, Me, { signal }),
    staleTime: 60_000,
  });

export function useSelectTraqsUsername() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SelectTraqsUsernameRequest) =>
      apiRequest("/api/me/traqs-username", Me, { method: "POST", body }),
    onSuccess: (me) => queryClient.setQueryData(meQueryOptions().queryKey, me),
  });
}

/** Sign out ends the session on the server, then forgets everything cached for this user. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest("/api/session", null, { method: "DELETE" }),
    onSuccess: () => queryClient.clear(),
  });
}
