import { useTranslation } from "react-i18next";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { Pager } from "@/components/ui/Pager";

/**
 * A search's answer as Users and the Audit log show it: how many were found (announced), the page
 * of rows in a table, a line when there are none, and the pager.
 */
export function SearchResults<Row extends { id: string }>(props: {
  result: { items: Row[]; total: number; page: number; pageCount: number } | undefined;
  fetching: boolean;
  /** The keys of the "found" and "none" lines and the table's caption, e.g. `admin.users`. */
  strings: "admin.users" | "admin.audit";
  columns: readonly Column<Row>[];
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const { result, strings } = props;
  return (
    <>
      <p role="status">
        {props.fetching
          ? t("admin.searching")
          : result
            ? t(`${strings}.found`, { count: result.total })
            : ""}
      </p>
      {result ? (
        <>
          <DataTable
            columns={props.columns}
            rows={result.items}
            rowKey={(row) => row.id}
            empty={t(`${strings}.none`)}
            caption={t(`${strings}.caption`)}
            busy={props.fetching}
          />
          {result.pageCount > 1 ? (
            <Pager page={result.page} pageCount={result.pageCount} onPage={props.onPage} />
          ) : null}
        </>
      ) : null}
    </>
  );
}
