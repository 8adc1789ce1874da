import { useState } from "react";
import { apiRequest } from "@/api/client";
import { AuthnState, type IdentifyRequest } from "@/api/contracts/authn";
import { signInState } from "@/components/verification/sign-in-state";

/**
 * A request of Sign In's screen whose answer is the sign-in's new state: whether it is under way,
 * and its error, as a mutation has them; on its answer the state is the new one. Without the query
 * cache, which is not in the first load (decision 031).
 */
export function useSignInRequest<Input>(send: (input: Input) => Promise<AuthnState>) {
  const [status, setStatus] = useState<{ isPending: boolean; error: unknown }>({
    isPending: false,
    error: null,
  });
  const mutate = (input: Input, onSuccess: (state: AuthnState) => void) => {
    setStatus({ isPending: true, error: null });
    send(input).then(
      (state) => {
        signInState.set(state);
        setStatus({ isPending: false, error: null });
        onSuccess(state);
      },
      (error: unknown) => setStatus({ isPending: false, error }),
    );
  };
  return { ...status, mutate };
}

/** Sign In's first step: the username starts a new sign-in. */
export function useIdentify() {
  return useSignInRequest((body: IdentifyRequest) => {
    // The state fetched when the page opened may still be on its way: it must not land after
    // (and over) the new sign-in's state.
    signInState.cancel();
    return apiRequest("/api/authn/identify", AuthnState, { method: "POST", body });
  });
}
