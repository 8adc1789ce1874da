import { describe, expect, it } from "vitest";
import { sixMonthsAfter } from "./tokens";

describe("sixMonthsAfter", () => {
  it.each([
    ["2025-06-02T14:00:10Z", "2025-12-02T14:00:10Z"],
    ["2025-08-31T09:30:00Z", "2026-02-28T09:30:00Z"],
    ["2023-08-31T09:30:00Z", "2024-02-29T09:30:00Z"],
    ["2025-12-31T23:00:00Z", "2026-06-30T23:00:00Z"],
  ])("%s is followed six months later by %s (never spilling into the next month)", (from, to) => {
    expect(new Date(sixMonthsAfter(Date.parse(from))).toISOString()).toBe(to.replace("Z", ".000Z"));
  });
});
