/// <reference types="vitest/config" />
import { rmSync } from "node:fs";
import { join } from "node:path";
import { defineConfig, loadEnv, type Plugin, type Rolldown } from "vite";
import react from "@vitejs/plugin-react";
import { precompress } from "./scripts/precompress.ts";
import { routePages, routeTablePages } from "./scripts/route-pages.ts";

// The paths the backend answers. With VITE_BACKEND=mock-server the dev server forwards them to the
// local mock server, so the page and the API share one origin (and its cookies).
const BACKEND_PATHS = ["/api", "/__dev", "/oauth2", "/download"];

/**
 * The production build's security headers (SECURITY 26): no inline script, no eval, nothing framed,
 * no referrer. `vite preview` sends them; a real host must send the same.
 */
export function securityHeaders(apiBaseUrl: string): Record<string, string> {
  const api = apiBaseUrl ? ` ${new URL(apiBaseUrl).origin}` : "";
  return {
    "Content-Security-Policy": [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src 'self'${api}`,
      "worker-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ].join("; "),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
  };
}

/**
 * MSW's service worker is in public/ (where `npm install` writes it: "msw.workerDirectory" in
 * package.json), and Vite copies public/ into every build; a build without the mock deletes it
 * from the output (decision 013).
 */
function withoutMockWorker(): Plugin {
  return {
    name: "traqs:without-mock-worker",
    apply: "build",
    writeBundle(options) {
      rmSync(join(options.dir ?? "dist", "mockServiceWorker.js"), { force: true });
    },
  };
}

// react-router's package exports point at its development build, warnings and all, even in
// production (remix-run/react-router#14753); a build takes the production one beside it.
const reactRouterProduction = new URL(
  "./node_modules/react-router/dist/production/index.mjs",
  import.meta.url,
).pathname;

const inSrc = (folders: string) => new RegExp(`[\\\\/]src[\\\\/](${folders})[\\\\/]`);
const isStrings = (id: string) => /[\\/]locales[\\/]/.test(id);

const isFormLibrary = (id: string) =>
  /node_modules[\\/](react-hook-form|@hookform[\\/]resolvers|zod)[\\/]/.test(id);
// The passkey button loads with the sign-in page, just after it starts: what it needs stays out of
// the shared files, which the page would otherwise fetch whole (decision 031).
const isPasskeyCode = (id: string) =>
  /[\\/]src[\\/]api[\\/](contracts[\\/])?passkeys\.ts$/.test(id);
const isSharedCode = (id: string) =>
  inSrc("components|api|i18n|config|app").test(id) && !isStrings(id) && !isPasskeyCode(id);

/** Whether a module reaches react-hook-form through its static imports. */
function usesForms(id: string, context: Rolldown.ChunkingContext): boolean {
  const seen = new Set([id]);
  const queue = [id];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const imported of context.getModuleInfo(next)?.importedIds ?? []) {
      if (/node_modules[\\/](react-hook-form|@hookform)[\\/]/.test(imported)) return true;
      if (seen.has(imported)) continue;
      seen.add(imported);
      queue.push(imported);
    }
  }
  return false;
}

/**
 * How the build splits the code (decisions 009 and 011). The first page is one file. A later page
 * loads its own file plus at most two shared ones rather than twenty small ones (a browser opens
 * only six connections per host over HTTP/1.1): the shared screens, API calls and contracts; and
 * the forms, with the form libraries and every shared screen that holds a form. A page without a
 * form (Set up security methods) never loads the form libraries. Everything else (the QR-code and
 * phone-number libraries, other languages, the in-page mock) is split as the bundler sees fit, so
 * it loads only with the pages that use it.
 */
const CHUNK_GROUPS = [
  { name: "first-page", tags: ["$initial" as const], priority: 100 },
  { name: "passkeys", test: isPasskeyCode, priority: 60 },
  // A group takes what its modules import too, so the shared screens are taken first: what they
  // import is shared as well. The forms then take the rest, with the form libraries.
  {
    debugName: "shared",
    name: (id: string, context: Rolldown.ChunkingContext) =>
      isSharedCode(id) && !usesForms(id, context) ? "shared" : null,
    priority: 50,
  },
  { name: "forms", test: (id: string) => isFormLibrary(id) || isSharedCode(id), priority: 40 },
];

export default defineConfig(({ command, mode }) => {
  const env = loadEnv(mode, process.cwd(), "");
  const port = Number(env.PORT ?? 5173);
  const mockServerUrl = env.MOCK_SERVER_URL ?? "http://localhost:4010";
  const proxy =
    env.VITE_BACKEND === "mock-server"
      ? Object.fromEntries(BACKEND_PATHS.map((path) => [path, { target: mockServerUrl }]))
      : undefined;

  // Known when building (src/config/with-mock.d.ts): a remote build leaves the mock out.
  const withMock = env.VITE_BACKEND !== "remote";

  const headers = securityHeaders(env.VITE_API_BASE_URL ?? "");
  return {
    define: { __WITH_MOCK__: JSON.stringify(withMock) },
    plugins: [
      react(),
      withMock ? null : withoutMockWorker(),
      // The router's pages, written from the route table (decision 015); the development inbox
      // only with a mock (decision 013).
      routeTablePages({ withDevTools: withMock }),
      // Every lazy page loads the English strings of the areas beyond sign-in and the later pages'
      // styles (lazyPage). Each
      // page's file holds its first screen, in each language (decision 025).
      routePages({
        alwaysWith: ["src/i18n/locales/en/areas.json", "src/later-pages.css"],
        prerender: true,
      }),
      precompress(headers),
    ],
    resolve: {
      alias: [
        { find: "@", replacement: new URL("./src", import.meta.url).pathname },
        ...(command === "build"
          ? [{ find: /^react-router$/, replacement: reactRouterProduction }]
          : []),
      ],
    },
    server: { port, strictPort: true, proxy },
    preview: {
      port,
      strictPort: true,
      proxy,
      headers,
    },
    build: {
      manifest: true,
      sourcemap: false,
      target: "es2022",
      // No list of every later file's imports in the first file (0.8 kB gzip, decision 031): a
      // page loaded in the app fetches its imports once its own file has come (its HTML file,
      // opened directly, still preloads them all). A lazy file's CSS still loads with it.
      modulePreload: false,
      // Only the in-page mock backend passes this; the first page has its own budget (npm run size).
      chunkSizeWarningLimit: 600,
      // Everything the first page needs in one file: one request, and gzip sees it all at once.
      rolldownOptions: {
        output: { codeSplitting: { groups: CHUNK_GROUPS } },
        // Brotli at its best quality takes seconds, once per build, by design (scripts/precompress.ts).
        checks: { bundlerTimings: false },
      },
    },
    test: {
      include: [
        "src/**/*.test.{ts,tsx}",
        "mocks/**/*.test.ts",
        "scripts/**/*.test.ts",
        "examples/**/*.test.ts",
      ],
      environment: "node",
      setupFiles: ["./src/testing/setup-tests.ts"],
      restoreMocks: true,
      // Every test builds its own MockBackend and its own server: with nothing global to reset,
      // a fresh module registry per file only doubled the run (27 s to 15 s without it).
      isolate: false,
      // Worker threads, not child processes: no test changes the process (its directory, its
      // signals), and threads cost less CPU to start and to pass results through: 83 s of CPU
      // against 95 s for the whole suite on this 2-core host (decision 035).
      pool: "threads",
    },
  };
});
