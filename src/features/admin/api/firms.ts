import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { generatePath } from "react-router";
import { apiRequest } from "@/api/client";
import { adminPaths, Firm, Firms, type StartNtfTestRequest } from "@/api/contracts/admin";
import { adminKeys } from "./keys";

/** GET /api/admin/firms: a firm administrator's own firm; every firm for the help desk. */
export const firmsQueryOptions = () =>
  queryOptions({
    queryKey: adminKeys.firms,
    queryFn: ({ signal }) => apiRequest(adminPaths.firms, Firms, { signal }),
  });

/** Starts the firm's free NTF test period (once): the firm as it is now, one more audit event. */
export function useStartNtfTest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ firmId, body }: { firmId: string; body: StartNtfTestRequest }) =>
      apiRequest(generatePath(adminPaths.ntfTest, { firmId }), Firm, { method: "POST", body }),
    onSuccess: (firm) =>
      queryClient.setQueryData(firmsQueryOptions().queryKey, (firms) =>
        firms?.map((known) => (known.id === firm.id ? firm : known)),
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: adminKeys.audit }),
  });
}
