import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "@/api/client";
import type { EnrollCodeRequest, SetPasswordRequest } from "@/api/contracts/enrollment";
import {
  RecoveryState,
  type RecoveryAnswerRequest,
  type StartRecoveryRequest,
} from "@/api/contracts/recovery";
import { authnQueryOptions } from "@/components/verification/api";

export const recoveryQueryOptions = () =>
  queryOptions({
    queryKey: ["recovery"],
    queryFn: ({ signal }) => apiRequest("/api/recovery", RecoveryState, { signal }),
    staleTime: Infinity,
    retry: false,
  });

/**
 * A recovery step: its answer is the new state. At the hand-over to sign-in, what the page
 * remembered of the sign-in is dropped first, so that the sign-in screens ask the server where it
 * stands instead of acting on the old state (and sending the user back to Sign In).
 */
function useRecoveryStep<Body>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) =>
      apiRequest(`/api/recovery/${path}`, RecoveryState, { method: "POST", body }),
    onSuccess: (state) => {
      if (state.stage === "DONE")
        queryClient.removeQueries({ queryKey: authnQueryOptions().queryKey });
      queryClient.setQueryData(recoveryQueryOptions().queryKey, state);
    },
  });
}

export const useStartRecovery = () => useRecoveryStep<StartRecoveryRequest>("start");
export const useSendRecoveryEmail = () => useRecoveryStep<Record<string, never>>("send");
export const useVerifyRecoveryCode = () => useRecoveryStep<EnrollCodeRequest>("verify");
export const useOpenRecoveryLink = () => useRecoveryStep<{ token: string }>("link");
export const useAnswerQuestion = () => useRecoveryStep<RecoveryAnswerRequest>("answer");
export const useRecoveryPassword = () => useRecoveryStep<SetPasswordRequest>("password");
