import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "./scripts/chromium";

// Playwright cannot download its browsers here: it drives the system Chromium (scripts/chromium.ts).

const PORT = Number(process.env.E2E_PORT ?? 4173);
/** The app built against the local mock server (dist-server), and that server. */
const SERVER_APP_PORT = PORT + 1;
export const MOCK_SERVER_PORT = Number(process.env.E2E_MOCK_SERVER_PORT ?? 4011);
/**
 * The servers start one after another before the first test; started by node itself, without npx
 * (which resolves the package first) and, for the mock server, without tsx's own launcher process,
 * they are up in about 4 s instead of 6 to 7 (decision 035).
 */
const VITE = "node node_modules/vite/bin/vite.js";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // On CI a test that fails is run once more: the races a busy 2-core host shows now and then are
  // not lost but named (Playwright's "flaky" list, and npm test's line before its total), while a
  // test that fails twice still fails the run (decision 032).
  retries: process.env.CI ? 1 : 0,
  workers: 3,
  // A test takes 2 to 25 s on a 2-core machine; a busy CI host can be four times slower. The
  // longest stories are marked test.slow() (three times this).
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "reports/e2e-results.json" }]],
  use: {
    // CI keeps only the printed output, and tracing costs a third more CPU: traces are local only.
    trace: process.env.CI ? "off" : "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
  projects: [
    // Several browsers sharing one backend: the local mock server, each test in a namespace of
    // its own (e2e/fixtures.ts), so in parallel too.
    {
      name: "mock-server",
      testMatch: /\.server\.spec\.ts$/,
      use: { baseURL: `http://localhost:${SERVER_APP_PORT}` },
    },
    // Each test in its own browser context, so its own in-page mock database: fully parallel.
    {
      name: "browser-mock",
      testIgnore: /\.server\.spec\.ts$/,
      use: { baseURL: `http://localhost:${PORT}` },
    },
  ],
  // `npm run test:e2e` builds dist (in-page mock) and dist-server (local server) first.
  webServer: [
    {
      command: `${VITE} preview --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}`,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `node --import tsx mocks/server.ts`,
      url: `http://localhost:${MOCK_SERVER_PORT}/__dev/clock`,
      env: { MOCK_SERVER_URL: `http://localhost:${MOCK_SERVER_PORT}` },
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `${VITE} preview --outDir dist-server --port ${SERVER_APP_PORT} --strictPort`,
      url: `http://localhost:${SERVER_APP_PORT}`,
      env: { VITE_BACKEND: "mock-server", MOCK_SERVER_URL: `http://localhost:${MOCK_SERVER_PORT}` },
      reuseExistingServer: !process.env.CI,
    },
  ],
});
