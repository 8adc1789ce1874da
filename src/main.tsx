import { startTransition, StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { env } from "./config/env";
import "./i18n";
import "./styles.css";

async function start() {
  // The mock backend runs in this page only when configured; it is its own chunk, loaded first.
  if (__WITH_MOCK__ && env.backend === "browser-mock") {
    const { startBrowserMock } = await import("../mocks/browser");
    await startBrowserMock();
  }
  const root = document.getElementById("root");
  if (!root) throw new Error("#root is missing from index.html");
  // As a transition, the first render is split into short tasks instead of one long one.
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}

void start();
