import { describe, expect, it } from "vitest";
import { buildUser } from "../db/factories";
import { DAY } from "./policy";
import { assertPasswordAllowed, storePassword } from "./passwords";
import { Refusal } from "./refusal";

const NOW = Date.UTC(2025, 5, 2, 14, 0, 0);
const FIRST = "First-Passw0rd-2024";
const SECOND = "Second-Passw0rd-2024";

async function brokenRules(run: () => Promise<void>) {
  try {
    await run();
    return [];
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    expect(error.code).toBe("PASSWORD_POLICY");
    return error.extra.rules;
  }
}

describe("passwords", () => {
  it("keeps the new one first in the history, with its date", async () => {
    const user = buildUser({ login: "pat@yourfirm.org" });
    await storePassword(user, FIRST, NOW);
    await storePassword(user, SECOND, NOW + DAY);
    expect(user.passwordHistory).toHaveLength(2);
    expect(user.password).toBe(user.passwordHistory[0]);
    expect(user.passwordChangedAt).toBe(NOW + DAY);
  });

  it("refuses a password used before, and a change within the minimum age unless asked not to", async () => {
    const user = buildUser({ login: "pat@yourfirm.org" });
    await storePassword(user, FIRST, NOW);
    expect(await brokenRules(() => assertPasswordAllowed(user, FIRST, NOW + 30 * DAY))).toEqual([
      "history",
    ]);
    expect(await brokenRules(() => assertPasswordAllowed(user, SECOND, NOW))).toEqual(["minAge"]);
    const recovery = () => assertPasswordAllowed(user, SECOND, NOW, { minimumAge: false });
    expect(await brokenRules(recovery)).toEqual([]);
  });

  it("names every broken rule of the policy", async () => {
    const user = buildUser({ login: "pat@yourfirm.org" });
    const rules = await brokenRules(() => assertPasswordAllowed(user, "short", NOW));
    expect(rules).toContain("minLength");
  });
});
