import { describe, expect, it } from "vitest";
import type { FirmRecord } from "../db/state";
import { generatedUsers, ntfTestPeriod, onFirmDomain } from "./firms";
import { DAY } from "./policy";

const firm = (over: Partial<FirmRecord> = {}): FirmRecord => ({
  id: "f",
  name: "F",
  domains: ["f.example"],
  ntfTestStartedAt: null,
  ...over,
});

describe("the NTF test period", () => {
  it("is 30 calendar days from the day it starts, counted down to 0", () => {
    const start = Date.UTC(2026, 3, 29, 15, 30);
    expect(ntfTestPeriod(firm(), start)).toBeNull();
    const started = firm({ ntfTestStartedAt: start });
    expect(ntfTestPeriod(started, start)).toEqual({
      startedAt: start,
      endsAt: Date.UTC(2026, 4, 29),
      daysLeft: 30,
    });
    expect(ntfTestPeriod(started, start + 29 * DAY)?.daysLeft).toBe(1);
    expect(ntfTestPeriod(started, start + 31 * DAY)?.daysLeft).toBe(0);
  });
});

describe("firm domains", () => {
  it("match the address's domain, in any case", () => {
    expect(onFirmDomain(firm(), "a.b@F.Example")).toBe(true);
    expect(onFirmDomain(firm(), "a.b@f.example.evil.com")).toBe(false);
    expect(onFirmDomain(firm(), "f.example@evil.com")).toBe(false);
  });
});

describe("generated users", () => {
  it("are the same every time, with unique addresses and ids, and none without a firm", () => {
    const big = firm({ id: "big", domains: ["big.example"], generatedUsers: 2000 });
    const users = generatedUsers(big);
    expect(users).toHaveLength(2000);
    expect(generatedUsers(big)).toBe(users);
    expect(new Set(users.map((u) => u.login)).size).toBe(2000);
    expect(new Set(users.map((u) => u.id)).size).toBe(2000);
    expect(users.every((u) => u.firmId === "big" && onFirmDomain(big, u.login))).toBe(true);
    expect(users.some((u) => u.password)).toBe(false);
  });
});
