import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { createServer, type PreviewServer } from "vite";

/**
 * Prerendered first screens (decision 025). The build renders each route page's first screen, in
 * each language, with React's static rendering (`src/app/prerender.tsx`, loaded through Vite in
 * Node), into that page's HTML file: `settings.html` in English, `settings.es.html` and
 * `settings.fr.html` beside it. The host sends the file of the browser's language (`vite preview`
 * does, below; nginx: see the README), so a Spanish or French browser never sees English first.
 */

/** English first: it is the file a host that does not choose by language sends. */
export const PRERENDER_LANGUAGES = ["en", "es", "fr"] as const;
export type Language = (typeof PRERENDER_LANGUAGES)[number];

/** The file of a page in a language: `settings.html`, `settings.es.html`. */
export function pageFileName(path: string, language: string): string {
  return `${path.slice(1)}${language === "en" ? "" : `.${language}`}.html`;
}

/** The page's HTML with its first screen in `#root` and its language on `<html>`. */
export function withFirstScreen(html: string, screen: string, language: string): string {
  const root = /<div id="root">[\s\S]*?<\/div>\n/;
  if (!root.test(html)) throw new Error('index.html has no <div id="root">…</div> line');
  return html
    .replace(/<html lang="[^"]*">/, `<html lang="${language}">`)
    .replace(root, () => `<div id="root" data-prerendered>${screen}</div>\n`);
}

export type Renderer = {
  render: (url: string, language: string) => Promise<string>;
  close: () => Promise<void>;
};

/** The app's `renderPage`, through a Vite server in Node with the build's own configuration. */
export async function startRenderer(
  configFile: string | undefined,
  mode: string,
): Promise<Renderer> {
  const server = await createServer({
    configFile,
    mode,
    logLevel: "error",
    appType: "custom",
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  const { renderPage } = (await server.ssrLoadModule("/src/app/prerender.tsx")) as {
    renderPage: (url: string, language: string) => Promise<string>;
  };
  return { render: renderPage, close: () => server.close() };
}

/**
 * The language a request asks for first (`Accept-Language: es-ES,es;q=0.9` is `es`), as the
 * browser's `navigator.language` says it; English when it asks for none the app has.
 */
export function requestedLanguage(acceptLanguage: string | undefined): Language {
  const first = acceptLanguage
    ?.split(",")
    .map((part) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { language: tag.slice(0, 2).toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .sort((a, b) => b.q - a.q)[0]?.language;
  return PRERENDER_LANGUAGES.find((language) => language === first) ?? "en";
}

/**
 * `vite preview` sends a page's file in the browser's language (`/settings` with
 * `Accept-Language: fr` gets `settings.fr.html`), before Vite's own `settings.html`.
 */
export function servePageInLanguage(server: PreviewServer) {
  const dir = resolve(server.config.root, server.config.build.outDir);
  server.middlewares.use((request, response, next) => {
    const path = request.url?.split("?")[0] ?? "/";
    const language = requestedLanguage(request.headers["accept-language"]);
    if (request.method === "GET" && !path.includes("."))
      response.setHeader("Vary", "Accept-Language");
    if (language !== "en" && request.method === "GET" && !path.includes(".")) {
      const file = pageFileName(path, language);
      if (existsSync(join(dir, file))) request.url = `/${file}${request.url?.slice(path.length)}`;
    }
    next();
  });
}
