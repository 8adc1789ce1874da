import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "@playwright/test";
import lighthouse, { type RunnerResult } from "lighthouse";
import { throttling } from "lighthouse/core/config/constants.js";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { pageFunctions } from "lighthouse/core/lib/page-functions.js";
import {
  activateJohn,
  HANK,
  JOHN,
  MockBackend,
  PAT,
  signInAsAdministrator,
  signInAsJdoe01,
} from "../e2e/fixtures";
import { CHROMIUM_ARGS, fullChromiumExecutable } from "./chromium";
import {
  cpuSlowdownFor,
  meetsTargets,
  summarize,
  withReadmeTable,
  type LighthouseResult,
  type PageResult,
} from "./bench-summary";

/**
 * `npm run bench`: Lighthouse (mobile, simulated throttling) on Sign In, Set up security methods,
 * Settings, Programmatic and the Administration pages, each loaded cold (empty cache) by the production build served with
 * its security headers, against the local mock server. Writes reports/bench.json; exits 1 when a
 * target is missed. A benchmark, not a test: it is not part of `npm test`.
 */

const APP_PORT = Number(process.env.BENCH_PORT ?? 4176);
const MOCK_PORT = APP_PORT + 1;
const CDP_PORT = APP_PORT + 2;
const APP = `http://localhost:${APP_PORT}`;
/** Lighthouse runs per page (BENCH_RUNS); the median one counts, as Lighthouse advises for five. */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
/** BENCH_PAGES=/settings,/enroll measures only those paths (the others are still signed into). */
const ONLY = process.env.BENCH_PAGES?.split(",");
/** BENCH_CPU_SLOWDOWN fixes the CPU slowdown (4 is Lighthouse's default); else it is calibrated. */
const FIXED_CPU_SLOWDOWN = process.env.BENCH_CPU_SLOWDOWN
  ? Number(process.env.BENCH_CPU_SLOWDOWN)
  : undefined;
/** BENCH_README=1 writes the run's table into the README (every page must have been measured). */
const WRITE_README = Boolean(process.env.BENCH_README);

/** Pages that could not be measured: the table still shows the others, and the run fails. */
const failures: string[] = [];

const children: ChildProcess[] = [];

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

function start(command: string, args: string[], env: Record<string, string>) {
  // Its own process group, so that stopping it stops what npx started under it too.
  const child = spawn(command, args, {
    stdio: "ignore",
    detached: true,
    env: { ...process.env, ...env },
  });
  children.push(child);
}

async function waitFor(url: string) {
  for (let tries = 0; tries < 100; tries++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer`);
}

/**
 * Lighthouse runs of a page, each loaded with an empty cache (cookies kept); the run nearest the
 * median (Lighthouse's own choice: by FCP and TTI) is the result, as Lighthouse advises, since one
 * run can be off by a few points.
 */
async function measure(
  context: BrowserContext,
  name: string,
  path: string,
): Promise<PageResult | null> {
  if (ONLY && !ONLY.includes(path)) return null;
  try {
    return await measureRuns(context, name, path);
  } catch (error) {
    failures.push(`${name} (${path}): ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

async function measureRuns(
  context: BrowserContext,
  name: string,
  path: string,
): Promise<PageResult> {
  const page = context.pages()[0] ?? (await context.newPage());
  const runs: RunnerResult[] = [];
  for (let run = 0; run < RUNS; run++) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.clearBrowserCache");
    await cdp.detach();
    // The host's speed just before the run (it drifts on a shared machine): Lighthouse's own
    // benchmark, run in the page, sets the CPU slowdown for this run.
    const cpuSlowdownMultiplier =
      FIXED_CPU_SLOWDOWN ??
      cpuSlowdownFor(await page.evaluate(pageFunctions.computeBenchmarkIndex));
    const result = await lighthouse(`${APP}${path}`, {
      port: CDP_PORT,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
      // The signed-in pages need their session cookie; the cache is emptied above instead.
      disableStorageReset: true,
      throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier },
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    runs.push(result);
  }
  const median = computeMedianRun(runs.map((run) => run.lhr));
  const chosen = runs.find((run) => run.lhr === median) ?? runs[0];
  // The whole report too, to see why a score is what it is.
  mkdirSync("reports/lighthouse", { recursive: true });
  writeFileSync(
    `reports/lighthouse/${name.replace(/\W+/g, "-").toLowerCase()}.json`,
    chosen?.report as string,
  );
  // Lighthouse's own type is a wide union; the summary reads only a few plain fields of it.
  return summarize(name, path, median as unknown as LighthouseResult);
}

async function main() {
  const executablePath = fullChromiumExecutable();
  run("npx", ["vite", "build", "--logLevel", "warn", "--outDir", "dist-bench"], {
    VITE_BACKEND: "mock-server",
  });
  const mockServerUrl = `http://localhost:${MOCK_PORT}`;
  start("npx", ["tsx", "mocks/server.ts"], { MOCK_SERVER_URL: mockServerUrl });
  start("npx", ["vite", "preview", "--outDir", "dist-bench", "--port", String(APP_PORT)], {
    VITE_BACKEND: "mock-server",
    MOCK_SERVER_URL: mockServerUrl,
  });
  await waitFor(`http://localhost:${MOCK_PORT}/__dev/clock`);
  await waitFor(APP);

  const profile = mkdtempSync(join(tmpdir(), "bench-chromium-"));
  // Lighthouse drives the same browser through its debugging port, in the same cookie jar.
  const context = await chromium.launchPersistentContext(profile, {
    ...(executablePath ? { executablePath } : {}),
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${CDP_PORT}`],
    baseURL: APP,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const mock = new MockBackend(page, false);
    const measured = [await measure(context, "Sign In", "/signin")];
    measured.push(await measure(context, "Two-Factor Authentication (Nasdaq)", "/nasdaq/login"));

    await activateJohn(page, mock);
    measured.push(await measure(context, "Set up security methods", "/enroll"));
    measured.push(await measure(context, "Set up Passkey", "/enroll/passkey"));
    // Once the required methods are set up, as a user reaches it: a new set at each load.
    await mock.setUpRequiredMethodsThroughApi(JOHN.password);
    measured.push(await measure(context, "Recovery codes", "/enroll/recovery-codes"));

    await context.clearCookies();
    await signInAsJdoe01(page, mock);
    // Settings opens on its "Verify it's you" screen, as it always does when loaded.
    measured.push(await measure(context, "Settings", "/settings"));
    measured.push(await measure(context, "Programmatic", "/traqs/api/download/programmatic"));
    // Jane has no MobilePASS token: the enrollment's first screen says so.
    measured.push(await measure(context, "MobilePASS enrollment", "/nasdaq/enroll"));

    // Administration, as Your Firm's Super Account Administrator.
    await context.clearCookies();
    await signInAsAdministrator(page, mock, PAT);
    measured.push(await measure(context, "Administration: Users", "/admin/users"));
    measured.push(await measure(context, "Administration: Order Form", "/admin/order-form"));
    measured.push(await measure(context, "Administration: Audit log", "/admin/audit-log"));
    measured.push(await measure(context, "Administration: Firm", "/admin/firm"));

    // The help desk's Users: every firm's, Large Broker's 10,000 among them (a distinct address,
    // so that BENCH_PAGES can name it apart from Pat's).
    await context.clearCookies();
    await signInAsAdministrator(page, mock, HANK);
    measured.push(
      await measure(
        context,
        "Administration: Users (help desk, 10,000+)",
        "/admin/users?sort=name",
      ),
    );
    const results = measured.filter((result): result is PageResult => result !== null);

    writeFileSync("reports/bench.json", `${JSON.stringify(results, null, 2)}\n`);
    console.table(
      results.map((r) => ({
        page: r.page,
        performance: r.performance,
        accessibility: r.accessibility,
        "best practices": r.bestPractices,
        "LCP ms": r.lcpMs,
        "TBT ms": r.tbtMs,
        CLS: r.cls,
        "JS kB (sent)": +(r.scriptTransferBytes / 1000).toFixed(1),
        "JS kB (raw)": +(r.scriptResourceBytes / 1000).toFixed(1),
        "CPU index": r.benchmarkIndex,
        "CPU slowdown": r.cpuSlowdown,
      })),
    );
    const misses = results.flatMap((r) => meetsTargets(r));
    for (const miss of misses) console.error(`Target missed: ${miss}`);
    for (const failure of failures) console.error(`Not measured: ${failure}`);
    if (WRITE_README && !ONLY && !failures.length) {
      const date = new Date().toISOString().slice(0, 10);
      const readme = readFileSync("README.md", "utf8");
      writeFileSync("README.md", withReadmeTable(readme, results, { date, runs: RUNS }));
      console.log("The README's bench table is this run's.");
    }
    console.log(
      `Written to reports/bench.json. ${misses.length ? "Targets missed." : "Every target met."}`,
    );
    process.exitCode = misses.length || failures.length ? 1 : 0;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const child of children) if (child.pid) process.kill(-child.pid);
  });
