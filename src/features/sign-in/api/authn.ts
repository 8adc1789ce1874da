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
    // The state fetched when the page opened may still be on its way: it must not land after
    // (and over) the new sign-in's state.
    onMutate: () => queryClient.cancelQueries({ queryKey: authnQueryOptions().queryKey }),
    onSuccess: (state) => queryClient.setQueryData(authnQueryOptions().queryKey, state),
  });
}
