import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

/**
 * False in the prerendered HTML and while the app hydrates it, true once the app runs (React's
 * own server-snapshot switch). A prerendered form's submit button waits for it: before, the
 * browser would submit the form itself (a GET that reloads the page and loses the step); typing
 * is kept either way (decision 025).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
