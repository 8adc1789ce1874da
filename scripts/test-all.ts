import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { findBrowser } from "./require-chromium";

/**
 * `npm test`: type check, lint, format, unit tests, the contract suite, build, size budget,
 * end-to-end tests. Every step runs even when an earlier one failed (except what needs the build),
 * and the last line is the real total: each test counts once, and each check that is not a test runner counts as one.
 */
type Tally = { passed: number; failed: number; skipped: number };
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };

function run(title: string, command: string, args: string[]): boolean {
  console.log(`\n=== ${title}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  return result.status === 0;
}

/**
 * A step started now and run beside the next ones (decision 026): its output is kept and printed
 * when it is awaited, so that it does not interleave with theirs.
 */
function startBeside(title: string, command: string, args: string[]): () => Promise<boolean> {
  const output: Buffer[] = [];
  const child = spawn(command, args, { env: process.env });
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
  const done = new Promise<boolean>((resolve) => child.on("close", (code) => resolve(code === 0)));
  return async () => {
    const ok = await done;
    console.log(`\n=== ${title}: ${command} ${args.join(" ")}`);
    process.stdout.write(Buffer.concat(output));
    if (ok) tally.passed += 1;
    else tally.failed += 1;
    return ok;
  };
}

function check(title: string, command: string, args: string[]): boolean {
  const ok = run(title, command, args);
  if (ok) tally.passed += 1;
  else tally.failed += 1;
  return ok;
}

/** A test runner's step: its own JSON report gives the counts; no report means it failed to run. */
function tests(
  title: string,
  command: string,
  args: string[],
  report: string,
  count: (json: unknown) => Tally,
) {
  rmSync(report, { force: true });
  const ok = run(title, command, args);
  if (!existsSync(report)) {
    tally.failed += 1;
    return;
  }
  const counts = count(JSON.parse(readFileSync(report, "utf8")));
  tally.passed += counts.passed;
  tally.failed += counts.failed + (ok || counts.failed > 0 ? 0 : 1);
  tally.skipped += counts.skipped;
}

const browser = findBrowser();
if (!browser) {
  console.error(
    "No Chromium found for the end-to-end tests: install it with `sudo apt-get install -y chromium-headless-shell` (or set CHROMIUM_PATH to a Chromium binary), then run `npm test` again.",
  );
  process.exit(1);
}

mkdirSync("reports", { recursive: true });
const npx = "npx";
// The builds (one core each, mostly) run beside the checks, which mostly use one core too.
const build = startBeside("Build", "npm", ["run", "build:e2e"]);
check("Type check", npx, ["tsc", "-p", "."]);
check("Lint", npx, ["eslint", ".", "--max-warnings", "0"]);
check("Format", npx, ["prettier", "--check", "."]);
tests(
  "Unit tests",
  npx,
  [
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    "--outputFile=reports/unit-results.json",
  ],
  "reports/unit-results.json",
  (json) => {
    const r = json as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    return {
      passed: r.numPassedTests,
      failed: r.numFailedTests,
      skipped: r.numPendingTests + r.numTodoTests,
    };
  },
);
// The conformance suite against the local mock server, started in its own process (decision 023).
tests(
  "Contract suite",
  npx,
  ["tsx", "scripts/contract.ts", "--report", "reports/contract-results.json"],
  "reports/contract-results.json",
  (json) => json as Tally,
);
if (await build()) {
  check("Size budget", npx, ["tsx", "scripts/size-budget.ts"]);
  tests("End-to-end tests", npx, ["playwright", "test"], "reports/e2e-results.json", (json) => {
    const { stats } = json as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    };
    return {
      passed: stats.expected + stats.flaky,
      failed: stats.unexpected,
      skipped: stats.skipped,
    };
  });
} else {
  tally.failed += 2; // the size budget and the end-to-end tests could not run without a build
}

const summary = `${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`;
writeFileSync("reports/summary.txt", `${summary}\n`);
console.log(`\n${summary}`);
process.exit(tally.failed > 0 ? 1 : 0);
