/**
 * A column header that sorts the table (by the backend): a button in the header, which says how
 * the column is sorted now (`aria-sort`); pressed again, it sorts the other way.
 */
export function SortHeader(props: {
  label: string;
  direction: "asc" | "desc" | null;
  onSort: (direction: "asc" | "desc") => void;
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
