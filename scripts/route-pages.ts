import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { minify, transformWithOxc, type Plugin, type Rollup } from "vite";
import {
  pageFileName,
  PRERENDER_LANGUAGES,
  servePageInLanguage,
  startRenderer,
  withFirstScreen,
} from "./prerender.ts";
import { routeTable } from "../src/app/route-table.ts";
import type { PageRoute } from "../src/config/page-route.ts";
import { paths } from "../src/config/paths.ts";

/**
 * The route table (`src/app/route-table.ts`, decision 015) made into what the build needs:
 *
 * - The router's pages (`virtual:pages`): each page imported as if written by hand, lazily but for
 *   the first one.
 * - Route pages (decision 011): for every route whose page loads lazily, the build writes an HTML
 *   file of its own (`/enroll` → `enroll.html`), the app's `index.html` plus a `modulepreload` of
 *   each file that page needs beyond the first one. The browser then fetches the page's code while
 *   the first file downloads, instead of one round trip after it has run. The preloads ask for low
 *   priority: the first file is needed first, the page's files take the bandwidth left over.
 *   `vite preview` and static hosts serve `enroll.html` for `/enroll`; any other URL still gets
 *   `index.html`.
 */

/** A route and the module of its lazily loaded page (absolute path). */
export type RoutePage = { path: string; module: string };

const ROOT = join(dirname(new URL(import.meta.url).pathname), "..");

/**
 * The routes of a route table that get a file of their own: every page but those whose URL has a
 * parameter (`:token`, not a file name). The first page's file has no preloads (its code is the
 * first file), only its prerendered screen (decision 025).
 */
export function routePagesOf(table: readonly PageRoute[]): RoutePage[] {
  return table
    .filter((route) => !route.path.includes(":"))
    .map((route) => ({ path: route.path, module: join(ROOT, route.module) }));
}

/** The lazy pages of the app's route table. */
export function findRoutePages(): RoutePage[] {
  return routePagesOf(routeTable);
}

/** The module the router imports its pages from (`src/app/pages.d.ts`). */
export const PAGES_MODULE = "virtual:pages";

/**
 * The source of `virtual:pages`: each route of the table with its page, the first page imported
 * with the first file, every other one through `lazyPage` (its own chunk, its early GETs). Written
 * out rather than looked up at run time, so that the first file holds no file names (the budget of
 * decision 009), and a page file that does not exist fails the build.
 */
export function pagesModule(table: readonly PageRoute[]): string {
  const file = (route: PageRoute) => JSON.stringify(join(ROOT, route.module));
  const pathKey = (route: PageRoute) => {
    const key = Object.entries(paths).find(([, path]) => path === route.path)?.[0];
    if (!key) throw new Error(`${route.path} is not in src/config/paths.ts`);
    return key;
  };
  const imports = [
    `import { lazyPage } from ${JSON.stringify(join(ROOT, "src/app/lazy-page.ts"))};`,
    `import { paths } from ${JSON.stringify(join(ROOT, "src/config/paths.ts"))};`,
  ];
  const entries = table.map((route, n) => {
    let page = `lazyPage(() => import(${file(route)}), ${JSON.stringify(route.page)}${
      route.opensWith?.length ? `, ${JSON.stringify(route.opensWith)}` : ""
    })`;
    if (route.firstPage) {
      imports.push(`import { ${route.page} as page${n} } from ${file(route)};`);
      page = `page${n}`;
    }
    return `  { path: paths.${pathKey(route)}, Page: ${page} },`;
  });
  return [...imports, "export const pages = [", ...entries, "];", ""].join("\n");
}

/**
 * The Vite plugin that writes `virtual:pages` from the route table, in every mode; without the
 * development tools (a build for a real backend) their pages are not routed, so not built.
 */
export function routeTablePages({ withDevTools }: { withDevTools: boolean }): Plugin {
  const id = `\0${PAGES_MODULE}`;
  const table = withDevTools ? routeTable : routeTable.filter((route) => !route.devTools);
  return {
    name: "traqs:route-table-pages",
    resolveId: (source) => (source === PAGES_MODULE ? id : undefined),
    load: (resolved) => (resolved === id ? pagesModule(table) : undefined),
  };
}

/**
 * `index.html` with a low-priority `modulepreload` of each script, before `</head>`, and each
 * stylesheet linked: small, it arrives with the first file, and the page shows styled at once
 * (the app, finding it linked, does not load it again).
 */
export function withPreloads(indexHtml: string, files: readonly string[], base = "/"): string {
  const links = files
    .map((file) =>
      file.endsWith(".css")
        ? `    <link rel="stylesheet" crossorigin href="${base}${file}">\n`
        : `    <link rel="modulepreload" crossorigin href="${base}${file}" fetchpriority="low">\n`,
    )
    .join("");
  return indexHtml.replace("  </head>", `${links}  </head>`);
}

/** The first script of a prerendered page, and the id of the template it opens. */
export const AFTER_FIRST_PAINT = {
  module: join(ROOT, "src/after-first-paint.ts"),
  template: "after-first-paint",
  /** Its file's name, before the build adds its hash (`assets/after-first-paint-[hash].js`). */
  name: "after-first-paint.js",
};

/**
 * A prerendered page's HTML whose JavaScript is fetched and run after the first paint (decision
 * 033): the app's script tag and every `modulepreload` move into a `<template>`, which the first
 * script (`firstScript`, the build's file of `src/after-first-paint.ts`) adds to the page once the
 * browser reports its first contentful paint. The stylesheets stay: the screen needs them.
 */
export function withAppAfterFirstPaint(
  html: string,
  { base, firstScript }: { base: string; firstScript: string },
): string {
  const entry = /( *)(<script type="module" crossorigin src="[^"]+"><\/script>\n)/.exec(html);
  if (!entry) throw new Error("index.html has no module script");
  const [tag, indent, script] = entry;
  const preloads = /^ *<link rel="modulepreload"[^>]*>\n/gm;
  const held = [script, ...(html.match(preloads) ?? []).map((link) => link.trimStart())];
  return html
    .replace(
      tag,
      `${indent}<script type="module" crossorigin src="${base}${firstScript}"></script>\n`,
    )
    .replace(preloads, "")
    .replace(
      "  </head>",
      [
        `    <template id="${AFTER_FIRST_PAINT.template}">\n`,
        ...held.map((line) => `      ${line}`),
        "    </template>\n  </head>",
      ].join(""),
    );
}

/**
 * The first script, made from its TypeScript on its own (outside the app's chunks, so that the
 * build's chunks and their runtime stay as they are), minified, in a file named by its content.
 */
async function emitFirstScript(build: Pick<Rollup.PluginContext, "emitFile">): Promise<string> {
  const source = readFileSync(AFTER_FIRST_PAINT.module, "utf8");
  const { code } = await transformWithOxc(source, AFTER_FIRST_PAINT.module);
  const { name } = AFTER_FIRST_PAINT;
  const minified = await minify(name, code, { mangle: { toplevel: true } });
  return build.emitFile({ type: "asset", name, source: minified.code });
}

type OutputChunk = {
  type: "chunk";
  fileName: string;
  isEntry: boolean;
  imports: string[];
  moduleIds: readonly string[];
  /** Set by Vite: the stylesheets the chunk's modules import. */
  viteMetadata?: { importedCss: ReadonlySet<string> };
};
type Bundle = Record<
  string,
  | OutputChunk
  | {
      type: "asset";
      fileName: string;
      source: string | Uint8Array;
      /** The files it was made from, from the project's folder (`src/later-pages.css`). */
      originalFileNames?: readonly string[];
    }
>;

/**
 * The files a page needs that the first page has not loaded: the chunk holding its module and what
 * that chunk imports, plus the chunks holding `alwaysWith` (modules every lazy page loads), then
 * the stylesheets of those chunks. None for the first page; null for a page the build left out.
 */
export function pageFiles(
  bundle: Bundle,
  module: string,
  alwaysWith: readonly string[],
): string[] | null {
  const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === "chunk");
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const withImports = (fileName: string, into: Set<string>): Set<string> => {
    if (into.has(fileName)) return into;
    into.add(fileName);
    for (const imported of byName.get(fileName)?.imports ?? []) withImports(imported, into);
    return into;
  };
  const firstPage = new Set<string>();
  for (const entry of chunks.filter((chunk) => chunk.isEntry))
    withImports(entry.fileName, firstPage);
  const holding = (id: string) => chunks.find((chunk) => chunk.moduleIds.includes(id))?.fileName;

  // A page the build left out (the development inbox in a remote build, decision 013).
  if (!holding(module)) return null;
  if (firstPage.has(holding(module) ?? "")) return [];
  const files = new Set<string>();
  // A stylesheet loaded on its own (`import("./x.css")`) is an asset, not in a chunk.
  const stylesheets: string[] = [];
  for (const id of [module, ...alwaysWith]) {
    const fileName = holding(id);
    if (fileName) withImports(fileName, files);
    const asset = Object.values(bundle).find(
      (file) => file.type === "asset" && file.originalFileNames?.includes(relative(ROOT, id)),
    );
    if (asset) stylesheets.push(asset.fileName);
  }
  const withCss = (chunks: Set<string>) => [
    ...chunks,
    ...[...chunks].flatMap((file) => [...(byName.get(file)?.viteMetadata?.importedCss ?? [])]),
  ];
  const loaded = new Set(withCss(firstPage));
  return [...new Set([...withCss(files), ...stylesheets])].filter((file) => !loaded.has(file));
}

/** The chunk of a language's strings (`es.json`), which its pages need before they take over. */
function stringsFile(bundle: Bundle, language: string): string | undefined {
  const module = join(ROOT, `src/i18n/locales/${language}.json`);
  return Object.values(bundle).find(
    (file) => file.type === "chunk" && file.moduleIds.includes(module),
  )?.fileName;
}

/**
 * The Vite plugin: writes one HTML file per route (see the top of this file), and with `prerender`
 * one per language, each with its first screen (decision 025).
 */
export function routePages({
  alwaysWith,
  prerender = false,
}: {
  alwaysWith: readonly string[];
  prerender?: boolean;
}): Plugin {
  const routes = findRoutePages();
  let base = "/";
  let configFile: string | undefined;
  let mode = "production";
  return {
    name: "traqs:route-pages",
    configResolved(config) {
      base = config.base;
      configFile = config.configFile;
      mode = config.mode;
    },
    configurePreviewServer: prerender ? servePageInLanguage : undefined,
    generateBundle: {
      order: "post",
      async handler(_options, bundle) {
        const index = bundle["index.html"];
        if (!index || index.type !== "asset") return;
        const indexHtml = String(index.source);
        const always = alwaysWith.map((module) => join(ROOT, module));
        const renderer = prerender ? await startRenderer(configFile, mode) : null;
        const firstScript = renderer ? this.getFileName(await emitFirstScript(this)) : "";
        try {
          for (const route of routes) {
            const files = pageFiles(bundle as unknown as Bundle, route.module, always);
            if (!files) {
              if (!existsSync(route.module))
                this.warn(`No module found for ${relative(ROOT, route.module)} (${route.path})`);
              continue;
            }
            const html = withPreloads(indexHtml, files, base);
            if (!renderer) {
              if (files.length)
                this.emitFile({
                  type: "asset",
                  fileName: pageFileName(route.path, "en"),
                  source: html,
                });
              continue;
            }
            for (const language of PRERENDER_LANGUAGES) {
              const strings = stringsFile(bundle as unknown as Bundle, language);
              const screen = await renderer.render(route.path, language);
              this.emitFile({
                type: "asset",
                fileName: pageFileName(route.path, language),
                source: withFirstScreen(
                  withAppAfterFirstPaint(strings ? withStrings(html, strings, base) : html, {
                    base,
                    firstScript,
                  }),
                  screen,
                  language,
                ),
              });
            }
          }
        } finally {
          await renderer?.close();
        }
      },
    },
  };
}

/** A language's strings, fetched with the app's file: the page cannot take over its screen without them. */
function withStrings(html: string, file: string, base: string): string {
  return html.replace(
    "  </head>",
    `    <link rel="modulepreload" crossorigin href="${base}${file}">\n  </head>`,
  );
}
