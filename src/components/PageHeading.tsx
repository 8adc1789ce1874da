import { useEffect, useRef, type ReactNode } from "react";

/** A page's h1; focus moves to it when the page opens, so screen readers hear where they are. */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
    document.title = `${title} - FINRA TRAQS`;
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children ?? title}
    </h1>
  );
}
