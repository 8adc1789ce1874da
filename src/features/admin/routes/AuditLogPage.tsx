import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import * as z from "zod/mini";
import { AdminAction, AuditSearchRequest } from "@/api/contracts/admin";
import { Alert } from "@/components/ui/Alert";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { SelectField } from "@/components/ui/SelectField";
import { TextField } from "@/components/ui/TextField";
import { formatDateTime } from "@/i18n";
import { auditQueryOptions, useExportAudit, type AuditSearch } from "../api/audit";
import { readSearch, searchParams } from "../api/search-params";
import { AdminLayout } from "../components/AdminLayout";
import { SearchResults } from "../components/SearchResults";

// The request's own fields (z.omit would add its code to the sign-in page's zod: decision 009).
const { page: _page, ...filterShape } = AuditSearchRequest.shape;
const AuditFilters = z.object(filterShape);
type AuditFilters = z.input<typeof AuditFilters>;

/** An empty box or "any" means no filter. */
const blankIsNone = { setValueAs: (value: string) => value.trim() || undefined };

/**
 * The audit log: who did what, to whom, when (in the user's language), why, and with what result;
 * filtered by administrator, user, action and dates (in the address, so Back works); Export CSV
 * saves every matching event as the browser's download.
 */
export function AuditLogPage() {
  const { t } = useTranslation();
  return <AdminLayout title={t("admin.audit.title")}>{() => <AuditLog />}</AdminLayout>;
}

function AuditLog() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = readSearch(AuditSearchRequest, params);
  const audit = useQuery({ ...auditQueryOptions(search), placeholderData: (previous) => previous });
  const exportCsv = useExportAudit();
  const go = (next: Partial<AuditSearch>) => setParams(searchParams({ ...search, ...next }));
  const { page: _page, ...filters } = search;
  const form = useForm<AuditFilters>({
    resolver: zodResolver(AuditFilters),
    values: {
      administrator: filters.administrator ?? "",
      user: filters.user ?? "",
      action: filters.action,
      from: filters.from ?? "",
      to: filters.to ?? "",
    },
  });
  const errors = form.formState.errors;
  const data = audit.data;

  return (
    <>
      <form
        role="search"
        className="admin-filters"
        noValidate
        onSubmit={form.handleSubmit((values) => setParams(searchParams({ ...values, page: 1 })))}
      >
        <TextField
          label={t("admin.audit.administrator")}
          autoComplete="off"
          error={errors.administrator?.message}
          {...form.register("administrator", blankIsNone)}
        />
        <TextField
          label={t("admin.audit.user")}
          autoComplete="off"
          error={errors.user?.message}
          {...form.register("user", blankIsNone)}
        />
        <SelectField label={t("admin.audit.action")} {...form.register("action", blankIsNone)}>
          <option value="">{t("admin.audit.anyAction")}</option>
          {AdminAction.options.map((action) => (
            <option key={action} value={action}>
              {t(`admin.actions.${action}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("admin.audit.from")}
          type="date"
          error={errors.from ? "validation.date" : undefined}
          {...form.register("from", blankIsNone)}
        />
        <TextField
          label={t("admin.audit.to")}
          type="date"
          error={errors.to ? "validation.date" : undefined}
          {...form.register("to", blankIsNone)}
        />
        <button type="submit" className="button">
          {t("admin.audit.filter")}
        </button>
      </form>
      <div className="admin-actions">
        <button
          type="button"
          className="button"
          disabled={exportCsv.isPending}
          onClick={() => exportCsv.mutate(search)}
        >
          {exportCsv.isPending ? t("common.working") : t("admin.audit.export")}
        </button>
      </div>
      <ErrorAlert error={audit.error ?? exportCsv.error} />
      {exportCsv.isSuccess ? (
        <Alert tone="success">{t("admin.audit.exported", { file: exportCsv.data })}</Alert>
      ) : null}
      <SearchResults
        result={data}
        fetching={audit.isFetching}
        strings="admin.audit"
        columns={[
          { header: t("admin.audit.when"), cell: (event) => formatDateTime(event.at) },
          {
            header: t("admin.audit.administrator"),
            cell: (event) => (
              <>
                {event.administrator.name}
                <span className="method-detail"> ({t(`admin.roles.${event.role}`)})</span>
              </>
            ),
          },
          {
            header: t("admin.audit.action"),
            cell: (event) => (
              <>
                {t(`admin.actions.${event.action}`)}
                {event.detail ? <span className="method-detail">: {event.detail}</span> : null}
              </>
            ),
          },
          {
            header: t("admin.audit.user"),
            cell: (event) =>
              event.user ? `${event.user.name} (${event.user.email})` : (event.firm?.name ?? ""),
          },
          { header: t("admin.audit.reason"), cell: (event) => event.reason },
          {
            header: t("admin.audit.result"),
            cell: (event) => (
              <>
                {t(`admin.audit.results.${event.result}`)}
                {event.error ? <span className="method-detail"> ({event.error})</span> : null}
              </>
            ),
          },
        ]}
        onPage={(page) => go({ page: String(page) })}
      />
    </>
  );
}
