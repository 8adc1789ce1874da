import { StrictMode } from "react";
import { prerender } from "react-dom/static";
import { setLanguage } from "@/i18n";
import { App } from "./App";

/**
 * The build's prerender (scripts/prerender.ts, decision 025): the page at `url` as it first shows
 * in `language`, before any data has come, as HTML for its file; the browser hydrates it. Lazy
 * pages are waited for (React's static rendering), so each page shows its own first screen.
 */
export async function renderPage(url: string, language: string): Promise<string> {
  await setLanguage(language);
  const { prelude } = await prerender(
    <StrictMode>
      <App url={url} />
    </StrictMode>,
  );
  return new Response(prelude).text();
}
