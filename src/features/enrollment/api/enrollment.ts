import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "@/api/endpoints";
import { apiRequest } from "@/api/client";
import { AuthnState } from "@/api/contracts/authn";
import { createPasskey } from "@/api/passkeys";
import { meQueryOptions } from "@/api/me";
import { authnQueryOptions } from "@/components/verification/api";
import {
  EnrollmentState,
  OktaVerifyEnrollment,
  PhoneEnrollment,
  RecoveryCodes,
  SecurityQuestions,
  TotpEnrollment,
  type EnrollCodeRequest,
  type EnrollPhoneRequest,
  type SetPasswordRequest,
  type SetSecurityQuestionRequest,
} from "@/api/contracts/enrollment";

const keys = {
  state: ["enrollment"] as const,
  questions: ["enrollment", "questions"] as const,
  googleAuthenticator: ["enrollment", "google-authenticator"] as const,
  oktaVerify: ["enrollment", "okta-verify"] as const,
  phone: ["enrollment", "phone"] as const,
};

export const enrollmentQueryOptions = () =>
  queryOptions({
    queryKey: keys.state,
    queryFn: ({ signal }) => apiRequest(endpoints.enrollment, EnrollmentState, { signal }),
  });

export const securityQuestionsQueryOptions = () =>
  queryOptions({
    queryKey: keys.questions,
    queryFn: ({ signal }) =>
      apiRequest("/api/enroll/security-questions", SecurityQuestions, { signal }),
    staleTime: Infinity,
  });

/** Starts (or resumes: the key stays the same) a Google Authenticator set-up. Kept in memory only. */
export const googleAuthenticatorQueryOptions = () =>
  queryOptions({
    queryKey: keys.googleAuthenticator,
    queryFn: ({ signal }) =>
      apiRequest("/api/enroll/google-authenticator", TotpEnrollment, {
        method: "POST",
        body: {},
        signal,
      }),
    staleTime: Infinity,
    gcTime: 0,
  });

/**
 * Starts (or resumes) an Okta Verify set-up and reports whether the app has scanned it. The page
 * polls it; nothing else may fetch it again, as a fetch after "confirmed" starts a new set-up.
 */
export const oktaVerifyQueryOptions = () =>
  queryOptions({
    queryKey: keys.oktaVerify,
    queryFn: ({ signal }) =>
      apiRequest("/api/enroll/okta-verify", OktaVerifyEnrollment, {
        method: "POST",
        body: {},
        signal,
      }),
    staleTime: Infinity,
    gcTime: 0,
  });

export const phoneEnrollmentQueryOptions = () =>
  queryOptions({
    queryKey: keys.phone,
    queryFn: ({ signal }) => apiRequest("/api/enroll/phone", PhoneEnrollment, { signal }),
  });

/** A set-up step whose answer is the new enrollment state. */
function useEnrollmentStep<Body>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => apiRequest(path, EnrollmentState, { method: "POST", body }),
    onSuccess: (state) => queryClient.setQueryData(keys.state, state),
  });
}

export const useSetPassword = () => useEnrollmentStep<SetPasswordRequest>("/api/enroll/password");
export const useSetSecurityQuestion = () =>
  useEnrollmentStep<SetSecurityQuestionRequest>("/api/enroll/security-question");
export const useVerifyGoogleAuthenticator = () =>
  useEnrollmentStep<EnrollCodeRequest>("/api/enroll/google-authenticator/verify");
export const useVerifyPhone = () =>
  useEnrollmentStep<EnrollCodeRequest>("/api/enroll/phone/verify");

/** Creates a passkey in the browser and has the backend verify and keep it. */
export function useCreatePasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => createPasskey(EnrollmentState),
    onSuccess: (state) => queryClient.setQueryData(keys.state, state),
  });
}

/** The activation link: starts the set-up for the invited user. */
export function useActivate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      apiRequest("/api/enroll/activate", EnrollmentState, { method: "POST", body: { token } }),
    onSuccess: (state) => {
      queryClient.clear();
      queryClient.setQueryData(keys.state, state);
    },
  });
}

export function useSendPhoneCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EnrollPhoneRequest) =>
      apiRequest("/api/enroll/phone", PhoneEnrollment, { method: "POST", body }),
    onSuccess: (pending) => queryClient.setQueryData(keys.phone, pending),
  });
}

export function useResendPhoneCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest("/api/enroll/phone/resend", PhoneEnrollment, { method: "POST", body: {} }),
    onSuccess: (pending) => queryClient.setQueryData(keys.phone, pending),
  });
}

/** "Set up later": the required methods are set up; the user is signed in. */
export function useFinishEnrollment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest("/api/enroll/finish", AuthnState, { method: "POST", body: {} }),
    onSuccess: (authn) => {
      queryClient.setQueryData(authnQueryOptions().queryKey, authn);
      void queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
      queryClient.removeQueries({ queryKey: keys.state });
    },
  });
}

/**
 * A new set of recovery codes (replacing any older one). The codes live only in this mutation's
 * result, in memory, for the one time they are shown.
 */
export function useGenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest("/api/enroll/recovery-codes", RecoveryCodes, { method: "POST", body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.state, exact: true }),
  });
}
