import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findRoutePages, pageFiles, routePagesIn, withPreloads } from "./route-pages";

const src = join(import.meta.dirname, "..", "src");

describe("routePagesIn", () => {
  it("pairs each route with the module its lazy page imports, leaving out eager pages and parameters", async () => {
    const file = join(src, "features", "account", "routes.tsx");
    const source = `
      const SettingsPage = lazyPage(() => import("./routes/SettingsPage"), "SettingsPage", [endpoints.me]);
      const HelpPage = lazyPage(() => import("@/features/help/HelpPage"), "HelpPage");
      const ReportPage = lazyPage(() => import("./routes/ReportSuspiciousActivityPage"), "ReportPage");
      export const routes = (
        <>
          <Route path={paths.settings} element={<SettingsPage />} />
          <Route path={paths.help} element={<HelpPage />} />
          <Route path={paths.signIn} element={<SignInPage />} />
          <Route path={paths.reportSuspiciousActivity} element={<ReportPage />} />
        </>
      );`;
    expect(await routePagesIn(file, source)).toEqual([
      { path: "/settings", module: join(src, "features", "account", "routes", "SettingsPage.tsx") },
      { path: "/help", module: join(src, "features", "help", "HelpPage.tsx") },
    ]);
  });

  it("finds the pages of the app's own routes, the benchmark's among them", async () => {
    const found = new Map((await findRoutePages()).map((route) => [route.path, route.module]));
    expect(found.get("/enroll")).toBe(
      join(src, "features", "enrollment", "routes", "SetUpMethodsPage.tsx"),
    );
    expect(found.get("/settings")).toBe(
      join(src, "features", "account", "routes", "SettingsPage.tsx"),
    );
    expect(found.get("/traqs/api/download/programmatic")).toBe(
      join(src, "features", "api-download", "routes", "ProgrammaticPage.tsx"),
    );
    // The username screen is in the first file: it needs no page of its own.
    expect(found.has("/signin")).toBe(false);
  });
});

describe("pageFiles", () => {
  const chunk = (
    fileName: string,
    moduleIds: string[],
    imports: string[] = [],
    isEntry = false,
    css: string[] = [],
  ) => ({
    type: "chunk" as const,
    fileName,
    moduleIds,
    imports,
    isEntry,
    viteMetadata: { importedCss: new Set(css) },
  });
  const bundle = {
    "assets/index.js": chunk("assets/index.js", ["/src/main.tsx"], ["assets/react.js"], true, [
      "assets/index.css",
    ]),
    "assets/react.js": chunk("assets/react.js", ["/node_modules/react/index.js"]),
    "assets/Settings.js": chunk(
      "assets/Settings.js",
      ["/src/Settings.tsx"],
      ["assets/shared.js", "assets/react.js"],
    ),
    "assets/shared.js": chunk(
      "assets/shared.js",
      ["/src/components/Form.tsx"],
      ["assets/forms.js"],
      false,
      ["assets/shared.css", "assets/index.css"],
    ),
    "assets/forms.js": chunk("assets/forms.js", ["/node_modules/react-hook-form/index.js"]),
    "assets/areas.js": chunk("assets/areas.js", ["/src/i18n/areas.json"]),
    "assets/Other.js": chunk("assets/Other.js", ["/src/Other.tsx"]),
    "index.html": { type: "asset" as const, fileName: "index.html", source: "" },
  };

  it("is the page's chunk, what it imports, the strings and their stylesheets, without what the first page loads", () => {
    expect(pageFiles(bundle, "/src/Settings.tsx", ["/src/i18n/areas.json"])).toEqual([
      "assets/Settings.js",
      "assets/shared.js",
      "assets/forms.js",
      "assets/areas.js",
      "assets/shared.css",
    ]);
  });

  it("is nothing for a module no chunk holds, not even the strings", () => {
    expect(pageFiles(bundle, "/src/Gone.tsx", ["/src/i18n/areas.json"])).toEqual([]);
  });
});

describe("withPreloads", () => {
  it("adds a low-priority module preload per script and links each stylesheet, at the end of the head", () => {
    const html = "<html>\n  <head>\n    <title>T</title>\n  </head>\n  <body></body>\n</html>";
    expect(withPreloads(html, ["assets/a.js", "assets/b.js", "assets/c.css"])).toBe(
      "<html>\n  <head>\n    <title>T</title>\n" +
        '    <link rel="modulepreload" crossorigin href="/assets/a.js" fetchpriority="low">\n' +
        '    <link rel="modulepreload" crossorigin href="/assets/b.js" fetchpriority="low">\n' +
        '    <link rel="stylesheet" crossorigin href="/assets/c.css">\n' +
        "  </head>\n  <body></body>\n</html>",
    );
  });
});
