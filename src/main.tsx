import { startTransition, StrictMode } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { App } from "./app/App";
import { env } from "./config/env";
import { browserLanguage, setLanguage } from "./i18n";
import "./styles.css";

/** Written by the build's prerender (scripts/prerender.ts) on the root of a page it rendered. */
const PRERENDERED = "data-prerendered";

async function start() {
  const root = document.getElementById("root");
  if (!root) throw new Error("#root is missing from index.html");
  const prerendered = root.hasAttribute(PRERENDERED);
  // A prerendered page is in the language of its file (the host chose it from the browser's,
  // decision 025): the app starts in that one, so that it takes over the page as it is.
  const language = prerendered ? document.documentElement.lang : browserLanguage();
  const strings = language === "en" ? null : setLanguage(language);
  // The mock backend runs in this page only when configured; it is its own chunk, loaded first.
  if (__WITH_MOCK__ && env.backend === "browser-mock") {
    const { startBrowserMock } = await import("../mocks/browser");
    await startBrowserMock();
  }
  await strings;
  const app = (
    <StrictMode>
      <App />
    </StrictMode>
  );
  if (prerendered) {
    // What was typed before this runs stays (an uncontrolled field keeps its value).
    hydrateRoot(root, app, { onRecoverableError: reportUnlessExpected });
    // A host that sent the page in another language than the browser's: it switches now.
    if (browserLanguage() !== language) void setLanguage(browserLanguage());
    return;
  }
  // As a transition, the first render is split into short tasks instead of one long one.
  startTransition(() => {
    createRoot(root).render(app);
  });
}

/**
 * A part the build could not render (the passkey button needs a browser: React's error 419, "the
 * server could not finish this Suspense boundary") renders in the browser: expected, not reported.
 * Anything else (a screen that differs from its prerender) is.
 */
function reportUnlessExpected(error: unknown) {
  if (error instanceof Error && /#419\b|could not finish this Suspense/.test(error.message)) return;
  reportError(error);
}

void start();
