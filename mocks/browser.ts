import { setupWorker } from "msw/browser";
import { browserPersistence, MockDb } from "./db/store";
import { createHandlers } from "./handlers";

/** Starts the mock backend in this page, through MSW's service worker, before the app renders. */
export async function startBrowserMock(): Promise<void> {
  const db = new MockDb({ persistence: browserPersistence() });
  const worker = setupWorker(...createHandlers(db));
  await worker.start({
    serviceWorker: { url: "/mockServiceWorker.js" },
    onUnhandledRequest: "bypass",
    quiet: true,
  });
}
