import type { ReactNode } from "react";

type SortDirection = "asc" | "desc";

export type Column<Row> = {
  /** Its header, and on a phone the name before each of its cells (layout.css, `data-label`). */
  header: string;
  /** A header for screen readers only (a column of buttons); its cells are not named on a phone. */
  headerHidden?: boolean;
  /** A column the backend sorts: how it is sorted now, and what pressing its header asks for. */
  sort?: { direction: SortDirection | null; onSort: (direction: SortDirection) => void };
  cell: (row: Row) => ReactNode;
};

/**
 * A table of rows (Recent Activity, the token tables, Administration's lists): a header per column,
 * each cell named by its column so that a phone can stack a row into "header: value" lines, and
 * one line that says so when there are no rows.
 */
export function DataTable<Row>(props: {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  /** The line shown when there are no rows. */
  empty?: string;
  /** What the table lists, for screen readers (its heading, when it has one, says it already). */
  caption?: string;
  /** While a new page of rows is on its way. */
  busy?: boolean;
}) {
  const { columns } = props;
  return (
    <table className="activity" aria-busy={props.busy}>
      {props.caption ? <caption className="visually-hidden">{props.caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((column) =>
            column.sort ? (
              <SortHeader key={column.header} label={column.header} {...column.sort} />
            ) : (
              <th key={column.header} scope="col">
                {column.headerHidden ? (
                  <span className="visually-hidden">{column.header}</span>
                ) : (
                  column.header
                )}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {props.rows.length === 0 && props.empty ? (
          <tr>
            <td colSpan={columns.length}>{props.empty}</td>
          </tr>
        ) : (
          props.rows.map((row, index) => (
            <tr key={props.rowKey(row, index)}>
              {columns.map((column) => (
                <td
                  key={column.header}
                  data-label={column.headerHidden ? undefined : column.header}
                >
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

/**
 * A column header that sorts the table (by the backend): a button in the header, which says how
 * the column is sorted now (`aria-sort`); pressed again, it sorts the other way.
 */
function SortHeader(props: {
  label: string;
  direction: SortDirection | null;
  onSort: (direction: SortDirection) => void;
}) {
  return (
    <th
      scope="col"
      aria-sort={
        props.direction === "asc"
          ? "ascending"
          : props.direction === "desc"
            ? "descending"
            : undefined
      }
    >
      <button
        type="button"
        className="link-button sort-button"
        onClick={() => props.onSort(props.direction === "asc" ? "desc" : "asc")}
      >
        {props.label}
        <span aria-hidden="true">
          {props.direction === "asc" ? " ▲" : props.direction === "desc" ? " ▼" : ""}
        </span>
      </button>
    </th>
  );
}
