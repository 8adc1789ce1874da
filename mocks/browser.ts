import { setupWorker } from "msw/browser";
import { browserPersistence, MockDb } from "./db/store";
import { createHandlers } from "./handlers";

const BACKEND_PATHS = /^\/(api|__dev|oauth2|download)\//;

/** Starts the mock backend in this page, through MSW's service worker, before the app renders. */
export async function startBrowserMock(): Promise<void> {
  const db = new MockDb({ persistence: browserPersistence() });
  const worker = setupWorker(...createHandlers(db));
  await worker.start({
    serviceWorker: { url: "/mockServiceWorker.js" },
    // A backend request no handler answers is a bug in the mock: say so. Assets pass through.
    onUnhandledRequest(request, print) {
      if (BACKEND_PATHS.test(new URL(request.url).pathname)) print.error();
    },
    quiet: true,
  });
  // MSW's worker unregisters itself when its last page unloads; a page that loaded during that
  // moment is not controlled by it and its requests would miss the mock. One reload fixes that.
  const reloadedKey = "traqs-mock-reloaded";
  if (!navigator.serviceWorker.controller && !sessionStorage.getItem(reloadedKey)) {
    sessionStorage.setItem(reloadedKey, "1");
    location.reload();
    await new Promise(() => undefined); // the page is going away; do not render it
  }
  sessionStorage.removeItem(reloadedKey);
  // For tests and QA scripts: the mock answers from now on (a controlling worker alone is not yet
  // enough: it passes requests through until this page has started it).
  document.documentElement.dataset.mockBackend = "ready";
}
