import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import * as z from "zod/mini";
import { USER_STATUSES, UserSearchRequest, type USER_SORTS } from "@/api/contracts/admin";
import type { Me } from "@/api/contracts/me";
import { useDeferredQuery } from "@/api/use-deferred-query";
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
import { SortHeader } from "../components/SortHeader";

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

const SORTED_COLUMNS: readonly (typeof USER_SORTS)[number][] = ["name", "email", "status"];

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
  const columns = helpDesk ? 6 : 5;

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
        head={
          <>
            {SORTED_COLUMNS.map((column) => (
              <SortHeader
                key={column}
                label={t(`admin.users.${column}`)}
                direction={search.sort === column ? search.direction : null}
                onSort={(direction) => go({ sort: column, direction, page: "1" })}
              />
            ))}
            <th scope="col">{t("admin.users.traqsUsernames")}</th>
            <SortHeader
              label={t("admin.users.lastSignIn")}
              direction={search.sort === "lastSignIn" ? search.direction : null}
              onSort={(direction) => go({ sort: "lastSignIn", direction, page: "1" })}
            />
            {helpDesk ? <th scope="col">{t("admin.users.firm")}</th> : null}
          </>
        }
        row={(user) => (
          <tr key={user.id}>
            <td data-label={t("admin.users.name")}>
              <Link to={adminUserPath(user.id)}>
                {user.firstName} {user.lastName}
              </Link>
            </td>
            <td data-label={t("admin.users.email")}>{user.email}</td>
            <td data-label={t("admin.users.status")}>{t(`admin.status.${user.status}`)}</td>
            <td data-label={t("admin.users.traqsUsernames")}>{user.traqsUsernames.join(", ")}</td>
            <td data-label={t("admin.users.lastSignIn")}>
              {user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t("admin.never")}
            </td>
            {helpDesk ? <td data-label={t("admin.users.firm")}>{user.firm.name}</td> : null}
          </tr>
        )}
      />
    </>
  );
}
