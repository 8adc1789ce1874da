import { queryOptions, useMutation } from "@tanstack/react-query";
import type * as z from "zod/mini";
import { apiDownload, apiRequest } from "@/api/client";
import { adminPaths, AuditPage, type AuditSearchRequest } from "@/api/contracts/admin";
import { saveFile } from "@/api/save-file";
import { adminKeys } from "./keys";
import { searchParams } from "./search-params";

/** The audit log's filters as the screen holds them, the page filled in. */
export type AuditSearch = z.output<typeof AuditSearchRequest>;

/** GET /api/admin/audit: one page of the events that match, newest first. */
export const auditQueryOptions = (search: AuditSearch) =>
  queryOptions({
    queryKey: adminKeys.auditSearch(search),
    queryFn: ({ signal }) =>
      apiRequest(`${adminPaths.audit}?${searchParams(search).toString()}`, AuditPage, { signal }),
  });

/** Export CSV: every event that matches the filters (not only this page), saved by the browser. */
export function useExportAudit() {
  return useMutation({
    mutationFn: async (search: AuditSearch) => {
      const { page: _page, ...filters } = search;
      const file = await apiDownload(`${adminPaths.auditCsv}?${searchParams(filters).toString()}`);
      saveFile(file);
      return file.fileName;
    },
  });
}
