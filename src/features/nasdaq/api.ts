import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "@/api/client";
import { endpoints } from "@/api/endpoints";
import {
  NasdaqEnrollment,
  NasdaqSessionState,
  type NasdaqLoginRequest,
} from "@/api/contracts/nasdaq";
import { meQueryOptions } from "@/api/me";

export const nasdaqSessionQueryOptions = () =>
  queryOptions({
    queryKey: ["nasdaq", "session"],
    queryFn: ({ signal }) => apiRequest(endpoints.nasdaqSession, NasdaqSessionState, { signal }),
  });

export const nasdaqEnrollmentQueryOptions = () =>
  queryOptions({
    queryKey: ["nasdaq", "enrollment"],
    queryFn: ({ signal }) => apiRequest(endpoints.nasdaqEnrollment, NasdaqEnrollment, { signal }),
  });

/** The "Two-Factor Authentication" window's Log in: the answer is the new Nasdaq session. */
export function useNasdaqLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NasdaqLoginRequest) =>
      apiRequest("/api/nasdaq/login", NasdaqSessionState, { method: "POST", body }),
    onSuccess: (state) => queryClient.setQueryData(nasdaqSessionQueryOptions().queryKey, state),
  });
}

export function useNasdaqSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(endpoints.nasdaqSession, null, { method: "DELETE" }),
    onSuccess: () =>
      queryClient.setQueryData(nasdaqSessionQueryOptions().queryKey, { session: null }),
  });
}

/** An enrollment step: its answer is the enrollment's next state (and My Apps may change). */
function useEnrollmentStep<Body>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => apiRequest(path, NasdaqEnrollment, { method: "POST", body }),
    onSuccess: (state) => {
      queryClient.setQueryData(nasdaqEnrollmentQueryOptions().queryKey, state);
      if (state.step === "DONE")
        void queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
    },
  });
}

export const useActivateToken = () =>
  useEnrollmentStep<{ activationCode: string }>("/api/nasdaq/enrollment/activate");
export const useSetTwoFactorPassword = () =>
  useEnrollmentStep<{ password: string }>("/api/nasdaq/enrollment/password");
export const useProveToken = () =>
  useEnrollmentStep<{ passcode: string }>("/api/nasdaq/enrollment/verify");
