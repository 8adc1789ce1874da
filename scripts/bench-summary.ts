/** The parts of a Lighthouse result (LHR) the benchmark reads. */
export type LighthouseResult = {
  categories: Record<string, { score: number | null } | undefined>;
  audits: Record<
    string,
    | {
        numericValue?: number;
        details?: {
          items?: Array<{ resourceType?: string; transferSize?: number; resourceSize?: number }>;
        };
      }
    | undefined
  >;
  runtimeError?: { code: string; message: string };
  environment?: { benchmarkIndex?: number };
  configSettings?: { throttling?: { cpuSlowdownMultiplier?: number } };
};

export type PageResult = {
  page: string;
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** The JavaScript the page loaded, as sent (Brotli) and as run. */
  scriptTransferBytes: number;
  scriptResourceBytes: number;
  /** How fast the host's CPU was (Lighthouse's benchmarkIndex) and the CPU slowdown applied. */
  benchmarkIndex: number;
  cpuSlowdown: number;
};

/**
 * Lighthouse's default 4x CPU slowdown turns a host with a benchmarkIndex of 1500 or more (a
 * high-end desktop) into a mid-tier phone. On a slower host, as a shared CI machine often is, 4x
 * would stand for a slower phone, so the slowdown shrinks in proportion (Lighthouse's guide,
 * docs/throttling.md, "Calibrating the CPU slowdown"). It is never raised above 4x or cut below 1x.
 */
export function cpuSlowdownFor(benchmarkIndex: number): number {
  const DEFAULT_SLOWDOWN = 4;
  const REFERENCE_INDEX = 1500;
  const scaled = (DEFAULT_SLOWDOWN * benchmarkIndex) / REFERENCE_INDEX;
  return Math.min(DEFAULT_SLOWDOWN, Math.max(1, Math.round(scaled * 10) / 10));
}

/**
 * Issue 19's targets: Sign In, prerendered and the first page anyone opens, at 100; every other
 * page at 99 or more, its largest paint within 1.5 s. Accessibility 100 everywhere.
 */
export const TARGETS = {
  firstPage: { path: "/signin", performance: 100, lcpMs: 1000, tbtMs: 50, cls: 0 },
  otherPages: { performance: 99, lcpMs: 1500 },
  accessibility: 100,
};

const score = (lhr: LighthouseResult, category: string) =>
  Math.round((lhr.categories[category]?.score ?? 0) * 100);

export function summarize(page: string, path: string, lhr: LighthouseResult): PageResult {
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${lhr.runtimeError.message}`);
  const scripts = (lhr.audits["network-requests"]?.details?.items ?? []).filter(
    (item) => item.resourceType === "Script",
  );
  const sum = (key: "transferSize" | "resourceSize") =>
    scripts.reduce((total, item) => total + (item[key] ?? 0), 0);
  return {
    page,
    path,
    performance: score(lhr, "performance"),
    accessibility: score(lhr, "accessibility"),
    bestPractices: score(lhr, "best-practices"),
    lcpMs: Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN),
    tbtMs: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? Number.NaN),
    cls:
      Math.round((lhr.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN) * 1000) / 1000,
    scriptTransferBytes: sum("transferSize"),
    scriptResourceBytes: sum("resourceSize"),
    benchmarkIndex: Math.round(lhr.environment?.benchmarkIndex ?? Number.NaN),
    cpuSlowdown: lhr.configSettings?.throttling?.cpuSlowdownMultiplier ?? Number.NaN,
  };
}

/** What a page misses of the targets, in words (none: it meets them). */
export function meetsTargets(result: PageResult): string[] {
  const { firstPage, otherPages, accessibility } = TARGETS;
  const first = result.path === firstPage.path;
  const target = first ? firstPage : { ...otherPages, tbtMs: Infinity, cls: Infinity };
  const misses: string[] = [];
  const miss = (what: string, value: number, limit: number, unit = "") =>
    misses.push(`${result.page}: ${what} ${value}${unit} (target ${limit}${unit})`);
  if (!(result.performance >= target.performance))
    miss("performance", result.performance, target.performance);
  if (!(result.accessibility >= accessibility))
    miss("accessibility", result.accessibility, accessibility);
  if (!(result.lcpMs <= target.lcpMs)) miss("LCP", result.lcpMs, target.lcpMs, " ms");
  if (!(result.tbtMs <= target.tbtMs)) miss("TBT", result.tbtMs, target.tbtMs, " ms");
  if (!(result.cls <= target.cls)) miss("CLS", result.cls, target.cls);
  return misses;
}

/** The README's table of a run: one row a page, in the order measured. */
export function readmeTable(results: readonly PageResult[]): string {
  const header = [
    "page",
    "performance",
    "accessibility",
    "best practices",
    "LCP",
    "TBT",
    "CLS",
    "JS (sent)",
  ];
  const rows = results.map((r) => [
    r.page,
    String(r.performance),
    String(r.accessibility),
    String(r.bestPractices),
    `${(r.lcpMs / 1000).toFixed(2)} s`,
    `${r.tbtMs} ms`,
    String(r.cls),
    `${Math.round(r.scriptTransferBytes / 1000)} kB`,
  ]);
  const widths = header.map((title, n) =>
    Math.max(title.length, ...rows.map((row) => row[n]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, n) => cell.padEnd(widths[n] ?? 0)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join(
    "\n",
  );
}

const TABLE_START = "<!-- bench:start -->";
const TABLE_END = "<!-- bench:end -->";

/**
 * The README with its bench table replaced (`BENCH_README=1 npm run bench`): what stands between
 * the two markers, indented as they are, with the run's date and runs per page.
 */
export function withReadmeTable(
  readme: string,
  results: readonly PageResult[],
  { date, runs }: { date: string; runs: number },
): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`The README has no ${TABLE_START} … ${TABLE_END}`);
  const indent = readme.slice(readme.lastIndexOf("\n", start) + 1, start);
  const body = [
    `A run on ${date} (${runs} runs a page, the median counts):`,
    "",
    ...readmeTable(results).split("\n"),
  ]
    .map((text) => (text ? indent + text : ""))
    .join("\n");
  // Blank lines around the table, as Prettier keeps them.
  return `${readme.slice(0, start)}${TABLE_START}\n\n${body}\n\n${indent}${readme.slice(end)}`;
}
