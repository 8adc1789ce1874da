import { startTransition, useEffect, useState } from "react";

/**
 * False in the prerendered HTML and while the app hydrates it (or first renders a screen), true
 * once it has. A prerendered form's submit button waits for it: before, the browser would submit
 * the form itself (a GET that reloads the page and loses the step); typing is kept either way
 * (decision 025). The switch is a transition after the hydration (decision 033): a store whose
 * snapshot differs from the server's would force one long synchronous render of the page instead.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => startTransition(() => setHydrated(true)), []);
  return hydrated;
}
