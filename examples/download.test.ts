import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MockDb } from "../mocks/db/store";
import { sha256 } from "../mocks/rules/crypto";
import { createMockServer } from "../mocks/server";
import { scriptExamples } from "../src/features/api-download/script-examples";

const run = promisify(execFile);
const DAILY_LIST_HEADER = "CUSIP,Symbol,Issuer,Coupon,Maturity,Grade,Effective Date,Action";

/** The local server with Jane's refresh token, and every request it got (path, Authorization). */
function serverWithJanesToken(token: string) {
  const db = new MockDb();
  const server = createMockServer(db);
  const requests: { path: string; authorization: string | undefined }[] = [];
  server.on("request", (req: { url?: string; headers: { authorization?: string } }) =>
    requests.push({ path: req.url ?? "", authorization: req.headers.authorization }),
  );
  let api = "";
  return {
    db,
    requests,
    api: () => api,
    async start() {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const tokenHash = await sha256(token);
      await db.transaction((state) => {
        const jane = state.users.find((u) => u.login === "jane.doe@yourfirm.org");
        if (!jane) throw new Error("no Jane");
        const now = db.now(state);
        state.refreshTokens.push({
          id: "t1",
          userId: jane.id,
          tokenHash,
          last4: token.slice(-4),
          sealed: null,
          requestedAt: now,
          expiresAt: now + 180 * 86_400_000,
          revokedAt: null,
          endedReason: null,
          lastUsedAt: null,
          reminderSentAt: null,
        });
      });
    },
    revoke: () =>
      db.transaction((state) => {
        const record = state.refreshTokens.find((t) => t.id === "t1");
        if (record) {
          record.revokedAt = db.now(state);
          record.endedReason = "revoked";
        }
      }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The example script against the real local server: it downloads a file, and when its access
 * token expires (the mock clock moves an hour) it renews it by itself.
 */
/**
 * Each test starts a script (node, bash and curl, python): a second or two on a quiet machine, more
 * beside the end-to-end tests on two busy cores (npm test), so a test may take up to 20 s.
 */
const SCRIPT_TIMEOUT = { timeout: 20_000 };

describe("examples/download.mjs", SCRIPT_TIMEOUT, () => {
  const refreshToken = "example-refresh-token-for-the-script-test-x";
  const local = serverWithJanesToken(refreshToken);
  const { db } = local;
  let api = "";
  beforeAll(async () => {
    await local.start();
    api = local.api();
  });
  afterAll(() => local.stop());

  const script = (args: string[], env: Record<string, string> = {}) =>
    run("node", ["examples/download.mjs", ...args], {
      env: { ...process.env, TRAQS_API_URL: api, TRAQS_REFRESH_TOKEN: refreshToken, ...env },
    });

  it("downloads a file with the refresh token", async () => {
    const { stdout } = await script(["TRACE-CA", "daily-list"]);
    expect(stdout.split("\n")[0]).toBe(DAILY_LIST_HEADER);
  });

  it("downloads TRF reference data (the notice's fourth facility) like any other", async () => {
    const { stdout } = await script(["TRF", "participant-list"]);
    expect(stdout.split("\n")[0]).toContain("Trade Reporting Facility");
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

  it("fails clearly with a revoked refresh token, and downloads nothing", async () => {
    await local.revoke();
    local.requests.length = 0;
    await expect(script(["ADF", "participant-list"])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("token endpoint: 400 invalid_grant"),
    });
    expect(local.requests.map((r) => r.path)).toEqual(["/oauth2/token"]);
  });
});

/**
 * The curl, Python and Node examples exactly as the Programmatic page shows them, run against the
 * local server: they download the file with a working token, and with a revoked one they print the
 * token endpoint's error and stop, sending no download at all (the curl one once sent the error
 * JSON as its bearer token).
 */
describe.each([
  ["curl", "bash", "example.sh"],
  ["python", "python3", "example.py"],
  ["node", "node", "example.mjs"],
] as const)(
  "the Programmatic page's %s example",
  SCRIPT_TIMEOUT,
  (language, interpreter, fileName) => {
    const refreshToken = "page-example-refresh-token-for-the-test-xyz";
    const local = serverWithJanesToken(refreshToken);
    let dir = "";
    beforeAll(async () => {
      await local.start();
      dir = await mkdtemp(join(tmpdir(), "traqs-example-"));
      await writeFile(join(dir, fileName), scriptExamples(local.api(), refreshToken)[language]);
    });
    afterAll(async () => {
      await local.stop();
      await rm(dir, { recursive: true, force: true });
    });
    beforeEach(() => {
      local.requests.length = 0;
    });
    const runExample = () => run(interpreter, [fileName], { cwd: dir });

    it("downloads the Daily List with the refresh token", async () => {
      const { stdout } = await runExample();
      const csv =
        language === "curl" ? await readFile(join(dir, "daily-list.csv"), "utf8") : stdout;
      expect(csv.split("\n")[0]).toBe(DAILY_LIST_HEADER);
      const download = local.requests.find((r) => r.path.startsWith("/download/"));
      expect(download?.authorization).toMatch(/^Bearer [\w-]{20,}$/);
    });

    it("prints the OAuth error and stops when the refresh token is revoked", async () => {
      await local.revoke();
      const failed: unknown = await runExample().then(
        () => null,
        (error: unknown) => error,
      );
      expect(failed).toMatchObject({ code: 1 });
      const { stderr } = failed as { stderr: string };
      expect(stderr).toContain("invalid_grant");
      expect(local.requests.map((r) => r.path)).toEqual(["/oauth2/token"]);
    });
  },
);
