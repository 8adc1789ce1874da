import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "@/api/client";
import {
  AuthnState,
  type ChallengeRequest,
  type IdentifyRequest,
  type PasswordRequest,
  type VerifyCodeRequest,
} from "@/api/contracts/authn";

/** The sign-in in progress, as the server holds it. */
export const authnQueryOptions = () =>
  queryOptions({
    queryKey: ["authn"],
    queryFn: ({ signal }) => apiRequest("/api/authn", AuthnState, { signal }),
    staleTime: Infinity,
  });

const post =
  <Body>(path: string) =>
  (body: Body) =>
    apiRequest(path, AuthnState, { method: "POST", body });

export const identify = post<IdentifyRequest>("/api/authn/identify");
export const verifyPassword = post<PasswordRequest>("/api/authn/password");
export const sendChallenge = post<ChallengeRequest>("/api/authn/challenge");
export const verifyCode = post<VerifyCodeRequest>("/api/authn/verify");
export const pollPush = post<Record<string, never>>("/api/authn/poll");

/**
 * A step of the sign-in. Its answer is the new state, which replaces the cached one; the screens
 * follow the state. A step the server no longer expects makes the state be fetched again.
 */
export function useAuthnStep<Body>(step: (body: Body) => Promise<AuthnState>) {
  const queryClient = useQueryClient();
  const { queryKey } = authnQueryOptions();
  return useMutation({
    mutationFn: step,
    onSuccess: (state) => {
      queryClient.setQueryData(queryKey, state);
      if (state.status === "SUCCESS") void queryClient.invalidateQueries({ queryKey: ["me"] });
    },
    onError: (error) => {
      if ("code" in error && error.code === "WRONG_STEP")
        void queryClient.invalidateQueries({ queryKey });
    },
  });
}
