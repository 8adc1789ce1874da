import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "@/api/client";
import { ClockState, Ok, OktaVerifyApp, Outbox, OutboxMessage } from "@/api/contracts/dev";
import { DevMobilePassApp } from "@/api/contracts/nasdaq";

export const outboxQueryOptions = () =>
  queryOptions({
    queryKey: ["dev", "outbox"],
    queryFn: ({ signal }) => apiRequest("/__dev/outbox", Outbox, { signal }),
    refetchInterval: 2000,
  });

export const clockQueryOptions = () =>
  queryOptions({
    queryKey: ["dev", "clock"],
    queryFn: ({ signal }) => apiRequest("/__dev/clock", ClockState, { signal }),
    refetchInterval: 5000,
  });

/** Inbox actions change the mock's world: everything cached is fetched again afterwards. */
function useDevAction<Vars>(action: (vars: Vars) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: action, onSuccess: () => queryClient.invalidateQueries() });
}

export const useAdvanceClock = () =>
  useDevAction((advanceSeconds: number) =>
    apiRequest("/__dev/clock", ClockState, { method: "POST", body: { advanceSeconds } }),
  );

export const useResetData = () =>
  useDevAction(() => apiRequest("/__dev/reset", Ok, { method: "POST", body: {} }));

export const usePushDecision = () =>
  useDevAction(({ id, approve, number }: { id: string; approve: boolean; number?: number }) =>
    apiRequest(
      `/__dev/push/${encodeURIComponent(id)}/${approve ? "approve" : "deny"}`,
      OutboxMessage,
      {
        method: "POST",
        body: number === undefined ? {} : { number },
      },
    ),
  );

export const oktaVerifyAppQueryOptions = () =>
  queryOptions({
    queryKey: ["dev", "okta-verify"],
    queryFn: ({ signal }) => apiRequest("/__dev/okta-verify", OktaVerifyApp, { signal }),
    refetchInterval: 2000,
  });

export const useConfirmOktaVerify = () =>
  useDevAction((id: string) =>
    apiRequest(`/__dev/okta-verify/${encodeURIComponent(id)}/confirm`, OktaVerifyApp, {
      method: "POST",
      body: {},
    }),
  );

export const mobilePassAppQueryOptions = () =>
  queryOptions({
    queryKey: ["dev", "mobilepass"],
    queryFn: ({ signal }) => apiRequest("/__dev/mobilepass", DevMobilePassApp, { signal }),
    refetchInterval: 2000,
  });

export const useAddToMobilePass = () =>
  useDevAction((activationString: string) =>
    apiRequest("/__dev/mobilepass", DevMobilePassApp, {
      method: "POST",
      body: { activationString },
    }),
  );
