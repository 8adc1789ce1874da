import { queryOptions, useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import { ApiError, apiRequest } from "@/api/client";
import type { StartStepUpRequest, StepUpFor } from "@/api/contracts/account";
import { AuthnState, type Factor } from "@/api/contracts/authn";
import { meQueryOptions } from "@/api/me";

/**
 * Which verification the shared screens drive: the sign-in (`/api/authn`) or "Verify it's you"
 * inside a session (`/api/step-up`). Both speak the same contract.
 */
export type VerificationApi = { base: "/api/authn" | "/api/step-up"; queryKey: readonly string[] };

export const SIGN_IN_VERIFICATION: VerificationApi = { base: "/api/authn", queryKey: ["authn"] };
export const VerificationContext = createContext<VerificationApi>(SIGN_IN_VERIFICATION);

export const verificationQueryOptions = (api: VerificationApi) =>
  queryOptions({
    queryKey: api.queryKey,
    queryFn: ({ signal }) => apiRequest(api.base, AuthnState, { signal }),
    staleTime: Infinity,
  });

/** The sign-in in progress, as the server holds it. */
export const authnQueryOptions = () => verificationQueryOptions(SIGN_IN_VERIFICATION);

/** What a screen that verifies with one method gets: the method, the state, and what follows. */
export type MethodStepProps = {
  factor: Factor;
  state: AuthnState;
  onVerified: (state: AuthnState) => void;
};

export function useVerificationApi(): VerificationApi {
  return useContext(VerificationContext);
}

/**
 * A step of the verification (`password`, `challenge`, `verify`, `poll`, or another path under the
 * base). Its answer is the new state, which replaces the cached one; the screens follow it. A step
 * the server no longer expects makes the state be fetched again. With `hold`, the answer is left
 * to the caller to apply (`useApplyVerificationState`), for a screen shown in between.
 */
export function useVerificationStep<Body>(step: string, { hold = false } = {}) {
  const api = useVerificationApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) =>
      apiRequest(`${api.base}/${step}`, AuthnState, { method: "POST", body }),
    onSuccess: (state) => {
      if (!hold) applyVerificationState(queryClient, api, state);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "WRONG_STEP") {
        void queryClient.invalidateQueries({ queryKey: api.queryKey });
      }
    },
  });
}

/** The new state of a verification replaces the cached one; the screens follow it. */
function applyVerificationState(
  queryClient: QueryClient,
  api: VerificationApi,
  state: AuthnState,
): void {
  queryClient.setQueryData(api.queryKey, state);
  // A finished sign-in starts a session: the signed-in user is someone new. "Verify it's you"
  // changes nothing about the user.
  if (state.status === "SUCCESS" && api === SIGN_IN_VERIFICATION)
    void queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
}

/** Applies an answer that `useVerificationStep(step, { hold: true })` held back. */
export function useApplyVerificationState(): (state: AuthnState) => void {
  const api = useVerificationApi();
  const queryClient = useQueryClient();
  return (state) => applyVerificationState(queryClient, api, state);
}

export const STEP_UP_VERIFICATION: VerificationApi = {
  base: "/api/step-up",
  queryKey: ["step-up"],
};

/** "Verify it's you" in progress, as the server holds it. */
export const stepUpQueryOptions = () => verificationQueryOptions(STEP_UP_VERIFICATION);

/**
 * Starts "Verify it's you": `view` and `token` ask for a method, a change the password first; the
 * verification then serves that one change only.
 */
export function useStartStepUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (purpose: StepUpFor) => {
      const body: StartStepUpRequest =
        typeof purpose === "string" ? { purpose } : { purpose: "change", change: purpose };
      return apiRequest("/api/step-up/start", AuthnState, { method: "POST", body });
    },
    // A finished verification must not count for the next one: forget it before starting.
    onMutate: () => queryClient.removeQueries({ queryKey: stepUpQueryOptions().queryKey }),
    onSuccess: (state) => queryClient.setQueryData(stepUpQueryOptions().queryKey, state),
  });
}
