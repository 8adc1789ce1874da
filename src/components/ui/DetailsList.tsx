import type { ReactNode } from "react";

export type DetailsRow = readonly [label: string, value: ReactNode];

/**
 * Labels and their values (a `dl`, each pair in its own `div`): two columns, one on a phone
 * (layout.css, `.details`).
 */
export function DetailsList({ rows }: { rows: readonly DetailsRow[] }) {
  return (
    <dl className="details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
