import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { requireBrowser } from "./require-chromium";

/**
 * `npm test`: type check, lint, format, unit tests, the contract suite, build, size budget,
 * end-to-end tests. Every step runs even when an earlier one failed (except what needs the build),
 * and the last line is the real total: each test counts once, and each check that is not a test
 * runner counts as one.
 *
 * The checks run beside the builds and then beside the end-to-end tests, which start as soon as
 * the builds are done (decision 032). They run in two lines of one check after another, at a lower
 * CPU priority (decision 035): the builds and the end-to-end tests, which the total waits for,
 * take the cores first and the checks take what they leave; once the end-to-end tests are done,
 * the two lines use both cores instead of one. The end-to-end tests print as they run; each
 * check's output is kept and printed whole after them, so that the two do not interleave.
 */
type Tally = { passed: number; failed: number; skipped: number };
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };

/** `background`: the step runs at a lower CPU priority (`nice`), behind the ones the total waits for. */
type Step = { title: string; command: string; args: string[]; background?: boolean };
/** A test runner's JSON report: its counts; no report means it failed to run. */
type Report = { file: string; count: (json: unknown) => Tally };

/** Runs a step, its output printed as it comes (`live`) or kept to print when it is reported. */
function run(
  { title, command, args, background }: Step,
  live: boolean,
): Promise<{ ok: boolean; print: () => void }> {
  const heading = `\n=== ${title}: ${command} ${args.join(" ")}`;
  if (live) console.log(heading);
  const output: Buffer[] = [];
  // Its processes inherit the priority: `nice` runs the command itself at it (Windows has none).
  const niced = background && process.platform !== "win32";
  const child = spawn(niced ? "nice" : command, niced ? ["-n", "10", command, ...args] : args, {
    env: process.env,
    stdio: live ? "inherit" : ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve) =>
    child.on("close", (code) =>
      resolve({
        ok: code === 0,
        print: () => {
          if (live) return;
          console.log(heading);
          process.stdout.write(Buffer.concat(output));
        },
      }),
    ),
  );
}

/** Runs a step and counts it: one check, or the tests of its report. Returns whether it passed. */
async function counted(step: Step, live: boolean, report?: Report) {
  if (report) rmSync(report.file, { force: true });
  const { ok, print } = await run(step, live);
  if (!report) {
    if (ok) tally.passed += 1;
    else tally.failed += 1;
    return { ok, print };
  }
  if (!existsSync(report.file)) {
    tally.failed += 1;
    return { ok: false, print };
  }
  const counts = report.count(JSON.parse(readFileSync(report.file, "utf8")));
  tally.passed += counts.passed;
  tally.failed += counts.failed + (ok || counts.failed > 0 ? 0 : 1);
  tally.skipped += counts.skipped;
  return { ok, print };
}

requireBrowser();

type PlaywrightSuite = {
  title: string;
  specs?: { title: string; file: string; tests: { status: string; projectName: string }[] }[];
  suites?: PlaywrightSuite[];
};
const flaky: string[] = [];

/** The tests Playwright's JSON report marks flaky, as "[project] file › title". */
function flakyTests(suites: PlaywrightSuite[]): string[] {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((test) => test.status === "flaky")
        .map((test) => `[${test.projectName}] ${spec.file} › ${spec.title}`),
    ),
    ...flakyTests(suite.suites ?? []),
  ]);
}

mkdirSync("reports", { recursive: true });
const npx = "npx";

const unitReport: Report = {
  file: "reports/unit-results.json",
  count: (json) => {
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
};
// Two lines of checks of about the same CPU time (tsc, eslint and prettier: about 110 s on this
// host; vitest and the contract suite: about 95 s), each step one process at a time.
const checkLines: [Step, Report?][][] = [
  [
    [{ title: "Type check", command: npx, args: ["tsc", "-p", "."], background: true }],
    [
      {
        title: "Lint",
        command: npx,
        args: ["eslint", ".", "--max-warnings", "0"],
        background: true,
      },
    ],
    [{ title: "Format", command: npx, args: ["prettier", "--check", "."], background: true }],
  ],
  [
    [
      {
        title: "Unit tests",
        command: npx,
        args: [
          "vitest",
          "run",
          "--reporter=default",
          "--reporter=json",
          "--outputFile=reports/unit-results.json",
        ],
        background: true,
      },
      unitReport,
    ],
    // The conformance suite against the local mock server, started in its own process (decision 023).
    [
      {
        title: "Contract suite",
        command: npx,
        args: ["tsx", "scripts/contract.ts", "--report", "reports/contract-results.json"],
        background: true,
      },
      { file: "reports/contract-results.json", count: (json) => json as Tally },
    ],
  ],
];

// The two lines side by side, each check printed (in the order above) once the end-to-end tests
// have printed theirs.
const checked = Promise.all(
  checkLines.map(async (line) => {
    const printers: (() => void)[] = [];
    for (const [step, report] of line) printers.push((await counted(step, false, report)).print);
    return printers;
  }),
).then((lines) => lines.flat());

const build = await counted({ title: "Build", command: "npm", args: ["run", "build:e2e"] }, false);
build.print();
if (build.ok) {
  await counted(
    { title: "Size budget", command: npx, args: ["tsx", "scripts/size-budget.ts"] },
    true,
  );
  await counted({ title: "End-to-end tests", command: npx, args: ["playwright", "test"] }, true, {
    file: "reports/e2e-results.json",
    count: (json) => {
      const { stats, suites } = json as {
        stats: { expected: number; unexpected: number; flaky: number; skipped: number };
        suites: PlaywrightSuite[];
      };
      flaky.push(...flakyTests(suites));
      return {
        passed: stats.expected + stats.flaky,
        failed: stats.unexpected,
        skipped: stats.skipped,
      };
    },
  });
} else {
  tally.failed += 2; // the size budget and the end-to-end tests could not run without a build
}
for (const print of await checked) print();
// A test that passed only when run again (CI retries once) is named: a race to look into.
if (flaky.length > 0) console.log(`\nFlaky (passed on its retry): ${flaky.join("; ")}`);

const summary = `${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`;
writeFileSync("reports/summary.txt", `${summary}\n`);
console.log(`\n${summary}`);
process.exit(tally.failed > 0 ? 1 : 0);
