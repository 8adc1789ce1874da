import { describe, expect, it } from "vitest";
import { startSession } from "../db/sessions";
import type { MockState, Session } from "../db/state";
import { MINUTE } from "./policy";
import { Refusal } from "./refusal";
import { hasSettingsAccess, settingsSetUp, spendGrant, SETTINGS_MINUTES } from "./step-up-grants";

const NOW = Date.UTC(2025, 5, 2, 14, 0, 0);

function session(stepUp: Partial<NonNullable<Session["stepUp"]>> | null): Session {
  const state = { sessions: [] } as unknown as MockState;
  const s = startSession(state, NOW, "test");
  s.stage = "SUCCESS";
  s.stepUp = stepUp && {
    purpose: "view",
    change: null,
    stage: "SUCCESS",
    challenge: null,
    factorAt: null,
    grant: null,
    ...stepUp,
  };
  return s;
}

const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return error instanceof Refusal ? [error.status, error.code] : error;
  }
  return "no refusal";
};

describe("Settings access", () => {
  it("is open for 15 minutes after a security method was verified, then closed", () => {
    const verified = session({ factorAt: NOW });
    expect(hasSettingsAccess(verified, NOW + SETTINGS_MINUTES * MINUTE - 1)).toBe(true);
    expect(hasSettingsAccess(verified, NOW + SETTINGS_MINUTES * MINUTE)).toBe(false);
    expect(hasSettingsAccess(session(null), NOW)).toBe(false);
  });
});

describe("grants", () => {
  const removal = { kind: "removeMethod", methodId: "m1" } as const;

  it("are spent once, on the action they were made for", () => {
    const s = session({ grant: { purpose: "change", change: removal, at: NOW } });
    spendGrant(s, NOW, removal);
    expect(s.stepUp?.grant).toBeNull();
    expect(refusal(() => spendGrant(s, NOW, removal))).toEqual([403, "STEP_UP_REQUIRED"]);
  });

  it("refuse another change, and stay unspent", () => {
    const s = session({ grant: { purpose: "change", change: removal, at: NOW } });
    const other = { kind: "removeMethod", methodId: "m2" } as const;
    expect(refusal(() => spendGrant(s, NOW, other))).toEqual([403, "STEP_UP_REQUIRED"]);
    expect(refusal(() => spendGrant(s, NOW, "token"))).toEqual([403, "STEP_UP_REQUIRED"]);
    expect(s.stepUp?.grant).not.toBeNull();
  });

  it("last 5 minutes for a change, as long as Settings for a set-up", () => {
    const change = session({ grant: { purpose: "change", change: removal, at: NOW } });
    expect(refusal(() => spendGrant(change, NOW + 5 * MINUTE + 1, removal))).toEqual([
      403,
      "STEP_UP_REQUIRED",
    ]);
    const setUp = { kind: "setUp", method: "phone" } as const;
    const s = session({ grant: { purpose: "change", change: setUp, at: NOW } });
    expect(settingsSetUp(s, NOW + 14 * MINUTE)).toBe("phone");
    expect(settingsSetUp(s, NOW + SETTINGS_MINUTES * MINUTE + 1)).toBeNull();
  });
});
