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

/** Issue 7's targets, on every page. */
export const TARGETS = { performance: 98, accessibility: 100 };

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
    scriptTransferBytes: sum("transferSize"),
    scriptResourceBytes: sum("resourceSize"),
    benchmarkIndex: Math.round(lhr.environment?.benchmarkIndex ?? Number.NaN),
    cpuSlowdown: lhr.configSettings?.throttling?.cpuSlowdownMultiplier ?? Number.NaN,
  };
}

/** What a page misses of the targets, in words (none: it meets them). */
export function meetsTargets(result: PageResult): string[] {
  const misses: string[] = [];
  if (result.performance < TARGETS.performance)
    misses.push(`${result.page}: performance ${result.performance} < ${TARGETS.performance}`);
  if (result.accessibility < TARGETS.accessibility)
    misses.push(`${result.page}: accessibility ${result.accessibility} < ${TARGETS.accessibility}`);
  return misses;
}
