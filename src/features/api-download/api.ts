import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "@/api/endpoints";
import { apiDownload, apiRequest } from "@/api/client";
import { saveFile } from "@/api/save-file";
import { ApiCatalog, RefreshTokens, type DownloadAction } from "@/api/contracts/api-download";

export const catalogQueryOptions = () =>
  queryOptions({
    queryKey: ["traqs-api", "catalog"],
    queryFn: ({ signal }) => apiRequest("/api/traqs/api/catalog", ApiCatalog, { signal }),
  });

export const tokensQueryOptions = () =>
  queryOptions({
    queryKey: ["traqs-api", "tokens"],
    queryFn: ({ signal }) => apiRequest(endpoints.refreshTokens, RefreshTokens, { signal }),
    // While the whole token is given, ask again now and then: the server masks it when its
    // window ends, and the page should not keep showing it.
    refetchInterval: (query) => (query.state.data?.shownUntil ? 30_000 : false),
  });

export type DownloadRequest = {
  action: DownloadAction;
  facility: string;
  file: string;
  day: string | null;
};

/** Asks the server for the file, then has the browser save it under the server's file name. */
export function useDownloadFile() {
  return useMutation({
    mutationFn: async (request: DownloadRequest) => {
      const query = new URLSearchParams({
        facility: request.facility,
        file: request.file,
        action: request.action,
      });
      if (request.day) query.set("day", request.day);
      const file = await apiDownload(`/api/traqs/api/download?${query.toString()}`);
      saveFile(file);
      return file.fileName;
    },
  });
}

function useTokenChange(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(path, RefreshTokens, { method: "POST", body: {} }),
    onSuccess: (tokens) => queryClient.setQueryData(tokensQueryOptions().queryKey, tokens),
  });
}

/** Get Token (after "Verify it's you"): a new current token; the old one moves to Prior Tokens. */
export const useGetToken = () => useTokenChange(endpoints.refreshTokens);
export const useRevokeToken = () => useTokenChange("/api/traqs/api/tokens/revoke");
/** Show token, or Copy Token while masked (after "Verify it's you"): the whole token for a while. */
export const useShowToken = () => useTokenChange("/api/traqs/api/tokens/show");
