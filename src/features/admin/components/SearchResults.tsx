import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Pager } from "@/components/ui/Pager";

/**
 * A search's answer as Users and the Audit log show it: how many were found (announced), the page
 * of rows in a table, a line when there are none, and the pager.
 */
export function SearchResults<Row>(props: {
  result: { items: Row[]; total: number; page: number; pageCount: number } | undefined;
  fetching: boolean;
  /** The keys of the "found" and "none" lines and the table's caption, e.g. `admin.users`. */
  strings: "admin.users" | "admin.audit";
  columns: number;
  head: ReactNode;
  row: (item: Row) => ReactNode;
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
          <table className="activity" aria-busy={props.fetching}>
            <caption className="visually-hidden">{t(`${strings}.caption`)}</caption>
            <thead>
              <tr>{props.head}</tr>
            </thead>
            <tbody>
              {result.items.length === 0 ? (
                <tr>
                  <td colSpan={props.columns}>{t(`${strings}.none`)}</td>
                </tr>
              ) : (
                result.items.map(props.row)
              )}
            </tbody>
          </table>
          {result.pageCount > 1 ? (
            <Pager page={result.page} pageCount={result.pageCount} onPage={props.onPage} />
          ) : null}
        </>
      ) : null}
    </>
  );
}
