import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { Plugin } from "vite";
import { paths } from "../src/config/paths.ts";

/**
 * Route pages (decision 011): for every route whose page loads lazily, the build writes an HTML
 * file of its own (`/enroll` → `enroll.html`), the app's `index.html` plus a `modulepreload` of
 * each file that page needs beyond the first one (and a link to its stylesheets). The browser then
 * fetches the page's code while the first file downloads, instead of one round trip after it has
 * run. The preloads ask for low priority: the first file is needed first, the page's files take
 * the bandwidth left over.
 * `vite preview` and static hosts serve `enroll.html` for `/enroll`; any other URL still gets
 * `index.html`.
 */

/** A route and the module of its lazily loaded page (absolute path). */
export type RoutePage = { path: string; module: string };

type RouteKey = keyof typeof paths;

/**
 * The lazy pages a routes file declares, as written throughout `src`:
 * `const SomePage = lazyPage(() => import("./routes/SomePage"), "SomePage")` and
 * `<Route path={paths.some} element={<SomePage />} />`. Routes with parameters (`:token`) are left
 * out: their URL is not a file name.
 */
export async function routePagesIn(file: string, source: string): Promise<RoutePage[]> {
  // Loaded only when building: type checking, tests and the dev server never need the compiler.
  const { default: ts } = await import("typescript");
  const sourceFile = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const lazyModules = new Map<string, string>();
  const routes: { key: string; page: string }[] = [];

  const visit = (node: import("typescript").Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      ts.isCallExpression(node.initializer) &&
      node.initializer.expression.getText() === "lazyPage"
    ) {
      const [load] = node.initializer.arguments;
      const body = load && ts.isArrowFunction(load) ? load.body : undefined;
      const specifier =
        body &&
        ts.isCallExpression(body) &&
        body.expression.kind === ts.SyntaxKind.ImportKeyword &&
        body.arguments[0] &&
        ts.isStringLiteral(body.arguments[0])
          ? body.arguments[0].text
          : undefined;
      if (specifier) lazyModules.set(node.name.text, resolveModule(file, specifier));
    }
    if (ts.isJsxSelfClosingElement(node) && node.tagName.getText() === "Route") {
      const attribute = (name: string) =>
        node.attributes.properties.find(
          (property): property is import("typescript").JsxAttribute =>
            ts.isJsxAttribute(property) && property.name.getText() === name,
        )?.initializer;
      const path = attribute("path");
      const element = attribute("element");
      const key =
        path &&
        ts.isJsxExpression(path) &&
        path.expression &&
        ts.isPropertyAccessExpression(path.expression)
          ? path.expression.name.text
          : undefined;
      const page =
        element &&
        ts.isJsxExpression(element) &&
        element.expression &&
        ts.isJsxSelfClosingElement(element.expression)
          ? element.expression.tagName.getText()
          : undefined;
      if (key && page) routes.push({ key, page });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);

  return routes.flatMap(({ key, page }) => {
    const path = paths[key as RouteKey] as string | undefined;
    const module = lazyModules.get(page);
    return path && module && !path.includes(":") ? [{ path, module }] : [];
  });
}

const SRC = join(dirname(new URL(import.meta.url).pathname), "..", "src");

function resolveModule(file: string, specifier: string): string {
  const base = specifier.startsWith("@/")
    ? join(SRC, specifier.slice(2))
    : join(dirname(file), specifier);
  return [".tsx", ".ts"].map((extension) => base + extension).find(existsSync) ?? base;
}

/** The lazy pages of every routes file under `src`. */
export async function findRoutePages(): Promise<RoutePage[]> {
  const found = await Promise.all(
    routeFiles(SRC).map((file) => routePagesIn(file, readFileSync(file, "utf8"))),
  );
  return found.flat();
}

/** Every source file under `folder` that declares routes. */
function routeFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return /\.tsx$/.test(entry.name) && readFileSync(path, "utf8").includes("<Route ")
      ? [path]
      : [];
  });
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
  OutputChunk | { type: "asset"; fileName: string; source: string | Uint8Array }
>;

/**
 * The files a page needs that the first page has not loaded: the chunk holding its module and what
 * that chunk imports, plus the chunks holding `alwaysWith` (modules every lazy page loads), then
 * the stylesheets of those chunks.
 */
export function pageFiles(bundle: Bundle, module: string, alwaysWith: readonly string[]): string[] {
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

  // A page the build left out (the development inbox in a remote build, decision 013) has none.
  if (!holding(module)) return [];
  const files = new Set<string>();
  for (const id of [module, ...alwaysWith]) {
    const fileName = holding(id);
    if (fileName) withImports(fileName, files);
  }
  const withCss = (chunks: Set<string>) => [
    ...chunks,
    ...[...chunks].flatMap((file) => [...(byName.get(file)?.viteMetadata?.importedCss ?? [])]),
  ];
  const loaded = new Set(withCss(firstPage));
  return [...new Set(withCss(files))].filter((file) => !loaded.has(file));
}

/** The Vite plugin: writes one HTML file per lazy route (see the top of this file). */
export function routePages({ alwaysWith }: { alwaysWith: readonly string[] }): Plugin {
  let routes: RoutePage[] = [];
  let base = "/";
  return {
    name: "traqs:route-pages",
    apply: "build",
    configResolved(config) {
      base = config.base;
    },
    async buildStart() {
      routes = await findRoutePages();
    },
    generateBundle: {
      order: "post",
      handler(_options, bundle) {
        const index = bundle["index.html"];
        if (!index || index.type !== "asset") return;
        const indexHtml = String(index.source);
        const always = alwaysWith.map((module) => join(SRC, "..", module));
        for (const route of routes) {
          const files = pageFiles(bundle as unknown as Bundle, route.module, always);
          if (!files.length) {
            if (!existsSync(route.module))
              this.warn(`No module found for ${relative(SRC, route.module)} (${route.path})`);
            continue;
          }
          this.emitFile({
            type: "asset",
            fileName: `${route.path.slice(1)}.html`,
            source: withPreloads(indexHtml, files, base),
          });
        }
      },
    },
  };
}
