import { queryOptions, useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { endpoints } from "@/api/endpoints";
import { apiRequest } from "@/api/client";
import {
  AccountState,
  ActivityPage,
  Preferences,
  ReportResult,
  type ResetPasswordRequest,
} from "@/api/contracts/account";
import type { Language } from "@/api/contracts/me";
import { NasdaqEnrollment } from "@/api/contracts/nasdaq";
import { meQueryOptions } from "@/api/me";

const keys = {
  account: ["account"] as const,
  preferences: ["account", "preferences"] as const,
  activities: ["account", "activity"] as const,
  activity: (page: number) => [...keys.activities, page] as const,
};

/** The Account page; a 403 STEP_UP_REQUIRED means "Verify it's you" first. */
export const accountQueryOptions = () =>
  queryOptions({
    queryKey: keys.account,
    queryFn: ({ signal }) => apiRequest(endpoints.account, AccountState, { signal }),
  });

export const preferencesQueryOptions = () =>
  queryOptions({
    queryKey: keys.preferences,
    queryFn: ({ signal }) => apiRequest("/api/account/preferences", Preferences, { signal }),
    staleTime: Infinity,
  });

export const activityQueryOptions = (page: number) =>
  queryOptions({
    queryKey: keys.activity(page),
    queryFn: ({ signal }) =>
      apiRequest(`/api/account/activity?page=${page}`, ActivityPage, { signal }),
  });

/**
 * An account change: its answer is the new Account page, and `alsoChanged` updates the rest of
 * what it changed (and only that: each refetch is one more request).
 */
function useAccountChange<Vars>(
  request: (vars: Vars) => Promise<AccountState>,
  alsoChanged: (queryClient: QueryClient, account: AccountState) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (account) => {
      queryClient.setQueryData(keys.account, account);
      alsoChanged(queryClient, account);
    },
  });
}

/** A change that Recent Activity lists (a method or the password). */
const listedInActivity = (queryClient: QueryClient) =>
  void queryClient.invalidateQueries({ queryKey: keys.activities });

/** The display language is the signed-in user's too: the answer holds it, no refetch needed. */
export const useSetLanguage = () =>
  useAccountChange(
    (language: Language) =>
      apiRequest("/api/account/language", AccountState, { method: "PUT", body: { language } }),
    (queryClient, account) =>
      queryClient.setQueryData(meQueryOptions().queryKey, (me) =>
        me ? { ...me, language: account.language } : me,
      ),
  );

export const useRemoveMethod = () =>
  useAccountChange(
    (methodId: string) =>
      apiRequest(`/api/account/methods/${encodeURIComponent(methodId)}`, AccountState, {
        method: "DELETE",
      }),
    listedInActivity,
  );

export const useRenamePasskey = () =>
  useAccountChange(
    ({ id, name }: { id: string; name: string }) =>
      apiRequest(`/api/account/methods/${encodeURIComponent(id)}/name`, AccountState, {
        method: "PUT",
        body: { name },
      }),
    // A name is shown in Settings only: the answer holds it.
    () => undefined,
  );

export const useRemoveSecurityQuestion = () =>
  useAccountChange(
    () => apiRequest("/api/account/security-question", AccountState, { method: "DELETE" }),
    listedInActivity,
  );

export const useResetPassword = () =>
  useAccountChange(
    (body: ResetPasswordRequest) =>
      apiRequest("/api/account/password", AccountState, { method: "POST", body }),
    listedInActivity,
  );

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Preferences) =>
      apiRequest("/api/account/preferences", Preferences, { method: "PUT", body }),
    onSuccess: (preferences) => queryClient.setQueryData(keys.preferences, preferences),
  });
}

export function useReportActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`/api/account/activity/${encodeURIComponent(id)}/report`, null, {
        method: "POST",
        body: {},
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.activities }),
  });
}

export const useReportSuspiciousActivity = () =>
  useMutation({
    mutationFn: (token: string) =>
      apiRequest("/api/reports/suspicious-activity", ReportResult, {
        method: "POST",
        body: { token },
      }),
  });

/** The user's MobilePASS token (Nasdaq two-factor login), listed in Settings. */
export const mobilePassQueryOptions = () =>
  queryOptions({
    queryKey: [...keys.account, "mobilepass"] as const,
    queryFn: ({ signal }) => apiRequest(endpoints.nasdaqEnrollment, NasdaqEnrollment, { signal }),
  });

/** Settings' Remove: the token stops at once; Recent Activity and My Apps change with it. */
export function useRemoveMobilePass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest("/api/nasdaq/mobilepass", NasdaqEnrollment, { method: "DELETE" }),
    onSuccess: (state) => {
      queryClient.setQueryData(mobilePassQueryOptions().queryKey, state);
      void queryClient.invalidateQueries({ queryKey: keys.activities });
      void queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
    },
  });
}
