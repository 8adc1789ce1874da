import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "@/api/client";
import { AuthnState, type IdentifyRequest } from "@/api/contracts/authn";
import { authnQueryOptions } from "@/components/verification/api";

/** Sign In's first step: the username starts a new sign-in. */
export function useIdentify() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IdentifyRequest) =>
      apiRequest("/api/authn/identify", AuthnState, { method: "POST", body }),
    onSuccess: (state) => queryClient.setQueryData(authnQueryOptions().queryKey, state),
  });
}
