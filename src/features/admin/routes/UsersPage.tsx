import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import * as z from "zod/mini";
import {
  USER_STATUSES,
  UserSearchRequest,
  type USER_SORTS,
  type UserSummary,
} from "@/api/contracts/admin";
import type { Me } from "@/api/contracts/me";
import { useDeferredQuery } from "@/api/use-deferred-query";
import type { Column } from "@/components/ui/DataTable";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { SelectField } from "@/components/ui/SelectField";
import { TextField } from "@/components/ui/TextField";
import { paths } from "@/config/paths";
import { formatDateTime } from "@/i18n";
import { readSearch, searchParams } from "../api/search-params";
import { usersQueryOptions, type UserSearch } from "../api/users";
import { adminUserPath } from "../paths";
import { AdminLayout } from "../components/AdminLayout";
import { SearchResults } from "../components/SearchResults";

/** The search form's fields: the words and the status of the backend's search. */
const UserSearchFields = z.object({
  query: UserSearchRequest.shape.query,
  status: UserSearchRequest.shape.status,
});
type UserSearchFields = z.input<typeof UserSearchFields>;

/**
 * Users: search by name, email or TRAQS username, filter by status; the backend sorts and pages.
 * The search lives in the address, so Back returns to the last one and a link can share it.
 */
export function UsersPage() {
  const { t } = useTranslation();
  return <AdminLayout title={t("admin.users.title")}>{(me) => <Users me={me} />}</AdminLayout>;
}

function Users({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = readSearch(UserSearchRequest, params);
  // The table's rows mount in short tasks (a page of 25, up to 6 cells each).
  const users = useDeferredQuery({
    ...usersQueryOptions(search),
    placeholderData: (previous) => previous,
  });
  const go = (next: Partial<UserSearch>) => setParams(searchParams({ ...search, ...next }));
  const form = useForm<UserSearchFields>({
    resolver: zodResolver(UserSearchFields),
    values: { query: search.query ?? "", status: search.status },
  });
  const data = users.data;
  const helpDesk = me.administration?.role === "help-desk";
  const sort = (column: (typeof USER_SORTS)[number]) => ({
    direction: search.sort === column ? search.direction : null,
    onSort: (direction: "asc" | "desc") => go({ sort: column, direction, page: "1" }),
  });
  const columns: Column<UserSummary>[] = [
    {
      header: t("admin.users.name"),
      sort: sort("name"),
      cell: (user) => (
        <Link to={adminUserPath(user.id)}>
          {user.firstName} {user.lastName}
        </Link>
      ),
    },
    { header: t("admin.users.email"), sort: sort("email"), cell: (user) => user.email },
    {
      header: t("admin.users.status"),
      sort: sort("status"),
      cell: (user) => t(`admin.status.${user.status}`),
    },
    {
      header: t("admin.users.traqsUsernames"),
      cell: (user) => user.traqsUsernames.join(", "),
    },
    {
      header: t("admin.users.lastSignIn"),
      sort: sort("lastSignIn"),
      cell: (user) => (user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t("admin.never")),
    },
  ];
  if (helpDesk) columns.push({ header: t("admin.users.firm"), cell: (user) => user.firm.name });

  return (
    <>
      <form
        role="search"
        className="admin-filters"
        noValidate
        onSubmit={form.handleSubmit(({ query, status }) =>
          go({ query: query || undefined, status, page: "1" }),
        )}
      >
        <TextField
          label={t("admin.users.search")}
          hint={t("admin.users.searchHint")}
          type="search"
          autoComplete="off"
          error={form.formState.errors.query?.message}
          {...form.register("query")}
        />
        <SelectField
          label={t("admin.users.status")}
          {...form.register("status", { setValueAs: (value: string) => value || undefined })}
        >
          <option value="">{t("admin.users.anyStatus")}</option>
          {USER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`admin.status.${status}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button">
          {t("admin.users.searchButton")}
        </button>
      </form>
      <p>
        <Link to={paths.adminOrderForm}>{t("admin.users.invite")}</Link>
      </p>
      <ErrorAlert error={users.error} />
      <SearchResults
        result={data}
        fetching={users.isFetching}
        strings="admin.users"
        columns={columns}
        onPage={(page) => go({ page: String(page) })}
      />
    </>
  );
}
