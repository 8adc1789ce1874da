import { startTransition, StrictMode } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { App } from "./app/App";
import { env } from "./config/env";
import { browserLanguage, startLanguage } from "./i18n/first-screen";
import "./styles.css";

async function start() {
  const root = document.getElementById("root");
  if (!root) throw new Error("#root is missing from index.html");
  // A page the build prerendered (scripts/prerender.ts) is in the language of its file (the host
  // chose it from the browser's, decision 025): the app starts in that one, to take it over as is.
  const prerendered = root.hasAttribute("data-prerendered");
  const language = prerendered ? document.documentElement.lang : browserLanguage();
  const strings = startLanguage(language);
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
    // What was typed before this runs stays (an uncontrolled field keeps its value). As a
    // transition, hydration is split into short tasks instead of one long one.
    startTransition(() => {
      hydrateRoot(root, app);
    });
    // A host that sent the page in another language than the browser's: it switches now.
    if (browserLanguage() !== language) void startLanguage(browserLanguage());
    return;
  }
  // As a transition, the first render is split into short tasks instead of one long one.
  startTransition(() => {
    createRoot(root).render(app);
  });
}

void start();
