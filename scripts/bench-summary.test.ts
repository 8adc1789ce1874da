import { describe, expect, it } from "vitest";
import { cpuSlowdownFor, meetsTargets, summarize, type LighthouseResult } from "./bench-summary";

const lhr = (performance: number, accessibility: number): LighthouseResult => ({
  categories: {
    performance: { score: performance },
    accessibility: { score: accessibility },
    "best-practices": { score: 0.96 },
  },
  audits: {
    "largest-contentful-paint": { numericValue: 1854.14 },
    "total-blocking-time": { numericValue: 42.5 },
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
  it("reads the scores out of 100, LCP and TBT, and adds up only the JavaScript", () => {
    expect(summarize("Sign In", "/signin", lhr(0.99, 1))).toEqual({
      page: "Sign In",
      path: "/signin",
      performance: 99,
      accessibility: 100,
      bestPractices: 96,
      lcpMs: 1854,
      tbtMs: 43,
      scriptTransferBytes: 129_000,
      scriptResourceBytes: 411_000,
      benchmarkIndex: 1162,
      cpuSlowdown: 3.1,
    });
  });

  it("names every target a page misses, and none when it meets them", () => {
    expect(meetsTargets(summarize("Sign In", "/signin", lhr(0.98, 1)))).toEqual([]);
    expect(meetsTargets(summarize("Settings", "/settings", lhr(0.96, 0.97)))).toEqual([
      "Settings: performance 96 < 98",
      "Settings: accessibility 97 < 100",
    ]);
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
