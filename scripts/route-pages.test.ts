import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { endpoints } from "../src/api/endpoints";
import type { PageRoute } from "../src/config/page-route";
import { paths } from "../src/config/paths";
import { routeTable } from "../src/app/route-table";
import {
  AFTER_FIRST_PAINT,
  findRoutePages,
  pageFiles,
  pagesModule,
  PAGES_MODULE,
  routeTablePages,
  routePages,
  routePagesOf,
  withAppAfterFirstPaint,
  withPreloads,
} from "./route-pages";

const src = join(import.meta.dirname, "..", "src");

describe("routePagesOf", () => {
  it("pairs each route with the module of its page, leaving out those with parameters", () => {
    const table: PageRoute[] = [
      {
        path: paths.settings,
        module: "/src/features/account/routes/SettingsPage.tsx",
        page: "SettingsPage",
        opensWith: [endpoints.me],
      },
      { path: paths.help, module: "/src/features/help/HelpPage.tsx", page: "HelpPage" },
      {
        path: paths.signIn,
        module: "/src/features/sign-in/routes/SignInPage.tsx",
        page: "SignInPage",
        firstPage: true,
      },
      {
        path: paths.reportSuspiciousActivity,
        module: "/src/features/account/routes/ReportSuspiciousActivityPage.tsx",
        page: "ReportPage",
      },
    ];
    expect(routePagesOf(table)).toEqual([
      { path: "/settings", module: join(src, "features", "account", "routes", "SettingsPage.tsx") },
      { path: "/help", module: join(src, "features", "help", "HelpPage.tsx") },
      {
        path: "/signin",
        module: join(src, "features", "sign-in", "routes", "SignInPage.tsx"),
      },
    ]);
  });

  it("finds the pages of the app's own routes, the benchmark's among them", () => {
    const found = new Map(findRoutePages().map((route) => [route.path, route.module]));
    expect(found.get("/enroll")).toBe(
      join(src, "features", "enrollment", "routes", "SetUpMethodsPage.tsx"),
    );
    expect(found.get("/settings")).toBe(
      join(src, "features", "account", "routes", "SettingsPage.tsx"),
    );
    expect(found.get("/traqs/api/download/programmatic")).toBe(
      join(src, "features", "api-download", "routes", "ProgrammaticPage.tsx"),
    );
    // The username screen's code is the first file; its page holds its prerendered screen.
    expect(found.get("/signin")).toBe(join(src, "features", "sign-in", "routes", "SignInPage.tsx"));
  });
});

describe("pagesModule", () => {
  it("imports the first page with the first file and loads every other one lazily, with its early GETs", () => {
    const source = pagesModule(routeTable);
    const file = (module: string) => JSON.stringify(join(src, "..", module));
    expect(source).toContain(
      `import { SignInPage as page0 } from ${file("/src/features/sign-in/routes/SignInPage.tsx")};`,
    );
    expect(source).toContain("{ path: paths.signIn, Page: page0 },");
    expect(source).toContain(
      `{ path: paths.settings, Page: lazyPage(() => import(${file("/src/features/account/routes/SettingsPage.tsx")}), "SettingsPage", ["/api/me","/api/account"]) },`,
    );
    expect(source).toContain(
      `{ path: paths.help, Page: lazyPage(() => import(${file("/src/features/help/HelpPage.tsx")}), "HelpPage") },`,
    );
  });

  it("routes the development inbox only in a build with the development tools", async () => {
    const source = async (withDevTools: boolean) => {
      const plugin = routeTablePages({ withDevTools });
      const load = plugin.load as (id: string) => string | undefined;
      return load(`\0${PAGES_MODULE}`) ?? "";
    };
    expect(await source(true)).toContain("paths.devInbox");
    const remote = await source(false);
    expect(remote).not.toContain("paths.devInbox");
    expect(remote).not.toContain("dev-inbox");
    expect(remote).toContain("paths.settings");
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

  it("takes a stylesheet every page loads on its own (an asset, not in a chunk)", () => {
    const root = join(src, "..");
    const withStyles = {
      ...bundle,
      "assets/later.css": {
        type: "asset" as const,
        fileName: "assets/later.css",
        source: "",
        originalFileNames: ["src/later-pages.css"],
      },
    };
    expect(pageFiles(withStyles, "/src/Other.tsx", [join(root, "src/later-pages.css")])).toEqual([
      "assets/Other.js",
      "assets/later.css",
    ]);
  });

  it("is nothing more for the first page", () => {
    expect(pageFiles(bundle, "/src/main.tsx", ["/src/i18n/areas.json"])).toEqual([]);
  });

  it("is null for a module no chunk holds", () => {
    expect(pageFiles(bundle, "/src/Gone.tsx", ["/src/i18n/areas.json"])).toBeNull();
  });
});

describe("withAppAfterFirstPaint", () => {
  const html =
    "<html>\n  <head>\n" +
    '    <script type="module" crossorigin src="/assets/index-1.js"></script>\n' +
    '    <link rel="stylesheet" crossorigin href="/assets/index-1.css">\n' +
    '    <link rel="modulepreload" crossorigin href="/assets/Page-1.js" fetchpriority="low">\n' +
    '    <link rel="stylesheet" crossorigin href="/assets/page-1.css">\n' +
    '    <link rel="modulepreload" crossorigin href="/assets/es-1.js">\n' +
    "  </head>\n</html>";

  it("holds the app's script and every preload in a template that the first script opens after the first paint; the stylesheets stay", () => {
    expect(withAppAfterFirstPaint(html, { base: "/", firstScript: "assets/first-1.js" })).toBe(
      "<html>\n  <head>\n" +
        '    <script type="module" crossorigin src="/assets/first-1.js"></script>\n' +
        '    <link rel="stylesheet" crossorigin href="/assets/index-1.css">\n' +
        '    <link rel="stylesheet" crossorigin href="/assets/page-1.css">\n' +
        '    <template id="after-first-paint">\n' +
        '      <script type="module" crossorigin src="/assets/index-1.js"></script>\n' +
        '      <link rel="modulepreload" crossorigin href="/assets/Page-1.js" fetchpriority="low">\n' +
        '      <link rel="modulepreload" crossorigin href="/assets/es-1.js">\n' +
        "    </template>\n" +
        "  </head>\n</html>",
    );
  });

  it("opens the template the first script looks for", () => {
    const script = readFileSync(AFTER_FIRST_PAINT.module, "utf8");
    expect(script).toContain(`document.getElementById("${AFTER_FIRST_PAINT.template}")`);
  });

  it("fails on an HTML file without the app's script", () => {
    expect(() =>
      withAppAfterFirstPaint("<html></html>", { base: "/", firstScript: "a.js" }),
    ).toThrow(/module script/);
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

describe("routePages", () => {
  it("writes a file for every page of the route table but the first one and those with parameters, without prerendering", async () => {
    const root = join(src, "..");
    const firstPage = routeTable.find((route) => route.firstPage)?.module ?? "";
    const modules = [...new Set(routeTable.map((route) => route.module))].filter(
      (module) => module !== firstPage,
    );
    const bundle = Object.fromEntries([
      ["index.html", { type: "asset", fileName: "index.html", source: "<head>\n  </head>" }],
      [
        "assets/index.js",
        {
          type: "chunk",
          fileName: "assets/index.js",
          isEntry: true,
          imports: [],
          moduleIds: [join(root, firstPage)],
        },
      ],
      ...modules.map((module, n) => [
        `assets/${n}.js`,
        {
          type: "chunk",
          fileName: `assets/${n}.js`,
          isEntry: false,
          imports: [],
          moduleIds: [join(root, module)],
        },
      ]),
    ]);
    const written: string[] = [];
    const context = {
      emitFile: ({ fileName }: { fileName: string }) => written.push(fileName),
      warn: (message: string) => expect.fail(message),
    };
    const { generateBundle } = routePages({ alwaysWith: [] }) as unknown as {
      generateBundle: {
        handler: (this: typeof context, options: object, bundle: object) => Promise<void>;
      };
    };
    await generateBundle.handler.call(context, {}, bundle);

    const withoutFile: string[] = [
      paths.signIn, // in the first file: a file only to hold its prerendered screen
      paths.activate,
      paths.reportSuspiciousActivity,
      paths.recoveryLink,
      paths.nasdaqApplication,
      paths.nasdaqEnrollWithCode,
      paths.adminUser,
    ];
    expect(written.sort()).toEqual(
      routeTable
        .filter((route) => !withoutFile.includes(route.path))
        .map((route) => `${route.path.slice(1)}.html`)
        .sort(),
    );
  });
});
