import { describe, expect, it } from "vitest";
import { seedState } from "../db/seed";
import { startSession, userByLogin } from "../db/sessions";
import type { User } from "../db/state";
import type { Context } from "./context";
import { newSealingKey } from "./crypto";
import { POLICY } from "./policy";
import {
  accessTokenOwner,
  exchangeRefreshToken,
  getToken,
  revokeToken,
  sixMonthsAfter,
  toRefreshTokens,
} from "./tokens";

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

describe("refresh and access tokens", () => {
  const NOW = Date.UTC(2025, 5, 2, 14, 0, 0);

  it("exchange an active refresh token for an access token that names its user, until revoked", async () => {
    const state = await seedState(NOW);
    const jane = userByLogin(state, "jane.doe@yourfirm.org") as User;
    const session = startSession(state, NOW, "test");
    const key = await newSealingKey();
    const ctx: Context = { state, session, now: NOW, userAgent: "test" };
    await getToken(ctx, key, { session, user: jane, verified: () => undefined });
    const shown = (await toRefreshTokens(ctx, key, session, jane)).current?.token ?? "";
    expect(await exchangeRefreshToken(state, "not-a-token", NOW)).toBeNull();
    const access = (await exchangeRefreshToken(state, shown, NOW)) ?? "";
    expect(await accessTokenOwner(state, access, NOW)).toBe(jane);
    expect(await accessTokenOwner(state, access, NOW + POLICY.accessTokenSeconds * 1000)).toBe(
      "invalid",
    );
    revokeToken(ctx, jane);
    expect(await accessTokenOwner(state, access, NOW)).toBe("invalid");
    expect(await exchangeRefreshToken(state, shown, NOW)).toBeNull();
  });
});
