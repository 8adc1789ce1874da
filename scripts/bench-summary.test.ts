import { describe, expect, it } from "vitest";
import {
  cpuSlowdownFor,
  meetsTargets,
  readmeTable,
  summarize,
  withReadmeTable,
  type LighthouseResult,
} from "./bench-summary";

const lhr = (
  performance: number,
  accessibility: number,
  { lcp = 1854.14, tbt = 42.5, cls = 0 } = {},
): LighthouseResult => ({
  categories: {
    performance: { score: performance },
    accessibility: { score: accessibility },
    "best-practices": { score: 0.96 },
  },
  audits: {
    "largest-contentful-paint": { numericValue: lcp },
    "total-blocking-time": { numericValue: tbt },
    "cumulative-layout-shift": { numericValue: cls },
    "network-requests": {
      details: {
        items: [
          { resourceType: "Document", transferSize: 1180, resourceSize: 700 },
          { resourceType: "Script", transferSize: 126_000, resourceSize: 402_000 },
          { resourceType: "Script", transferSize: 3_000, resourceSize: 9_000 },
          { resourceType: "Stylesheet", transferSize: 2_700, resourceSize: 6_900 },
        ],
      },
    },
  },
  environment: { benchmarkIndex: 1161.5 },
  configSettings: { throttling: { cpuSlowdownMultiplier: 3.1 } },
});

describe("the benchmark's summary of a Lighthouse result", () => {
  it("reads the scores out of 100, LCP, TBT and CLS, and adds up only the JavaScript", () => {
    expect(summarize("Sign In", "/signin", lhr(0.99, 1))).toEqual({
      page: "Sign In",
      path: "/signin",
      performance: 99,
      accessibility: 100,
      bestPractices: 96,
      lcpMs: 1854,
      tbtMs: 43,
      cls: 0,
      scriptTransferBytes: 129_000,
      scriptResourceBytes: 411_000,
      benchmarkIndex: 1162,
      cpuSlowdown: 3.1,
    });
  });

  it("names every target a page misses, and none when it meets them", () => {
    const fast = { lcp: 950, tbt: 30, cls: 0 };
    expect(meetsTargets(summarize("Sign In", "/signin", lhr(1, 1, fast)))).toEqual([]);
    expect(
      meetsTargets(
        summarize("Sign In", "/signin", lhr(0.99, 1, { lcp: 1200, tbt: 60, cls: 0.01 })),
      ),
    ).toEqual([
      "Sign In: performance 99 (target 100)",
      "Sign In: LCP 1200 ms (target 1000 ms)",
      "Sign In: TBT 60 ms (target 50 ms)",
      "Sign In: CLS 0.01 (target 0)",
    ]);
    // Later pages: 99 and LCP within 1.5 s; their blocking time and shifts count in the score.
    expect(meetsTargets(summarize("Settings", "/settings", lhr(0.99, 1, { lcp: 1500 })))).toEqual(
      [],
    );
    expect(meetsTargets(summarize("Settings", "/settings", lhr(0.96, 0.97)))).toEqual([
      "Settings: performance 96 (target 99)",
      "Settings: accessibility 97 (target 100)",
      "Settings: LCP 1854 ms (target 1500 ms)",
    ]);
  });

  it("writes the README's table between its markers, indented as they are", () => {
    const results = [summarize("Sign In", "/signin", lhr(1, 1, { lcp: 912.4, tbt: 12 }))];
    expect(readmeTable(results).split("\n")).toEqual([
      "| page    | performance | accessibility | best practices | LCP    | TBT   | CLS | JS (sent) |",
      "| ------- | ----------- | ------------- | -------------- | ------ | ----- | --- | --------- |",
      "| Sign In | 100         | 100           | 96             | 0.91 s | 12 ms | 0   | 129 kB    |",
    ]);
    const readme = "Intro\n  <!-- bench:start -->\n  old\n  <!-- bench:end -->\nAfter\n";
    expect(withReadmeTable(readme, results, { date: "2026-12-02", runs: 5 })).toBe(
      "Intro\n  <!-- bench:start -->\n\n  A run on 2026-12-02 (5 runs a page, the median counts):\n\n" +
        `${readmeTable(results)
          .split("\n")
          .map((line) => `  ${line}`)
          .join("\n")}\n\n  <!-- bench:end -->\nAfter\n`,
    );
    expect(() => withReadmeTable("no markers", results, { date: "", runs: 1 })).toThrow();
  });

  it("keeps Lighthouse's 4x CPU slowdown on a fast host and shrinks it on a slower one", () => {
    expect(cpuSlowdownFor(2100)).toBe(4);
    expect(cpuSlowdownFor(1500)).toBe(4);
    expect(cpuSlowdownFor(1161.5)).toBe(3.1);
    expect(cpuSlowdownFor(750)).toBe(2);
    expect(cpuSlowdownFor(200)).toBe(1);
  });

  it("refuses a run Lighthouse could not finish", () => {
    const failed = { ...lhr(0, 0), runtimeError: { code: "NO_FCP", message: "No content" } };
    expect(() => summarize("Sign In", "/signin", failed)).toThrow("No content");
  });
});
