import { useEffect, useRef, type ReactNode } from "react";

/**
 * A screen's h1. When the screen opens, its title becomes the document's and focus moves to the
 * heading, so screen readers hear where they are. The focus waits for the next frame: focusing
 * right after React's commit would lay out the whole new screen inside that same long task.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} - FINRA TRAQS`;
    const frame = requestAnimationFrame(() => ref.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children ?? title}
    </h1>
  );
}
