import { execFile } from "node:child_process";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MockDb } from "../mocks/db/store";
import { createMockServer } from "../mocks/server";

const run = promisify(execFile);

/**
 * The example script against the real local server: it downloads a file, and when its access
 * token expires (the mock clock moves an hour) it renews it by itself.
 */
describe("examples/download.mjs", () => {
  const db = new MockDb();
  const server = createMockServer(db);
  let api = "";
  let refreshToken = "";

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    refreshToken = await db.transaction((state) => {
      const jane = state.users.find((u) => u.login === "jane.doe@yourfirm.org");
      if (!jane) throw new Error("no Jane");
      const now = db.now(state);
      const token = "example-refresh-token-for-the-script-test-x";
      state.refreshTokens.push({
        id: "t1",
        userId: jane.id,
        token,
        requestedAt: now,
        expiresAt: now + 180 * 86_400_000,
        revokedAt: null,
        endedReason: null,
        lastUsedAt: null,
        reminderSentAt: null,
      });
      return token;
    });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const script = (args: string[], env: Record<string, string> = {}) =>
    run("node", ["examples/download.mjs", ...args], {
      env: { ...process.env, TRAQS_API_URL: api, TRAQS_REFRESH_TOKEN: refreshToken, ...env },
    });

  it("downloads a file with the refresh token", async () => {
    const { stdout } = await script(["TRACE-CA", "daily-list"]);
    expect(stdout.split("\n")[0]).toBe(
      "CUSIP,Symbol,Issuer,Coupon,Maturity,Grade,Effective Date,Action",
    );
  });

  it("renews an access token that has expired (401) and still downloads", async () => {
    const response = await fetch(`${api}/oauth2/token`, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken }),
    });
    const { access_token } = (await response.json()) as { access_token: string };
    await db.transaction((state) => {
      state.clockOffsetMs += 3601 * 1000; // an hour later: that access token has expired
    });
    const { stdout, stderr } = await script(["TRACE-CA", "security-master"], {
      TRAQS_ACCESS_TOKEN: access_token,
    });
    expect(stderr).toContain("Access token expired or revoked: getting a new one.");
    expect(stdout.trim().split("\n")).toHaveLength(41);
  });

  it("fails clearly with a revoked refresh token", async () => {
    await db.transaction((state) => {
      const token = state.refreshTokens.find((t) => t.id === "t1");
      if (token) token.revokedAt = db.now(state);
    });
    await expect(script(["ADF", "participant-list"])).rejects.toMatchObject({
      stderr: expect.stringContaining("invalid_grant"),
    });
  });
});
