import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "@/api/endpoints";
import { apiRequest } from "@/api/client";
import {
  AccountState,
  ActivityPage,
  Preferences,
  type ResetPasswordRequest,
} from "@/api/contracts/account";
import { Ok } from "@/api/contracts/dev";
import type { Language } from "@/api/contracts/me";
import { meQueryOptions } from "@/api/me";

const keys = {
  account: ["account"] as const,
  preferences: ["account", "preferences"] as const,
  activity: (page: number) => ["account", "activity", page] as const,
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

/** An account change: its answer is the new Account page; the signed-in user is fetched again. */
function useAccountChange<Vars>(request: (vars: Vars) => Promise<AccountState>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (account) => {
      queryClient.setQueryData(keys.account, account);
      void queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
      void queryClient.invalidateQueries({ queryKey: ["account", "activity"] });
    },
  });
}

export const useSetLanguage = () =>
  useAccountChange((language: Language) =>
    apiRequest("/api/account/language", AccountState, { method: "PUT", body: { language } }),
  );

export const useRemoveMethod = () =>
  useAccountChange((methodId: string) =>
    apiRequest(`/api/account/methods/${encodeURIComponent(methodId)}`, AccountState, {
      method: "DELETE",
    }),
  );

export const useRenamePasskey = () =>
  useAccountChange(({ id, name }: { id: string; name: string }) =>
    apiRequest(`/api/account/methods/${encodeURIComponent(id)}/name`, AccountState, {
      method: "PUT",
      body: { name },
    }),
  );

export const useRemoveSecurityQuestion = () =>
  useAccountChange(() =>
    apiRequest("/api/account/security-question", AccountState, { method: "DELETE" }),
  );

export const useResetPassword = () =>
  useAccountChange((body: ResetPasswordRequest) =>
    apiRequest("/api/account/password", AccountState, { method: "POST", body }),
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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["account", "activity"] }),
  });
}

export const useReportSuspiciousActivity = () =>
  useMutation({
    mutationFn: (token: string) =>
      apiRequest("/api/reports/suspicious-activity", Ok, { method: "POST", body: { token } }),
  });
