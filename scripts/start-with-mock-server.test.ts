import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type AddressInfo, type Server } from "node:net";
import { describe, expect, it } from "vitest";

/**
 * `npm run start:mock-server` (scripts/start-with-mock-server.mjs), run for real: the app and the
 * mock server each on their own port, and the script never leaves one running without the other.
 * Which processes are its own is read from /proc: each carries this run's marker in its environment.
 */

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The processes started by one run of the script (the script itself included while it runs). */
function processesOf(marker: string): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/environ`, "latin1").includes(marker)) continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, "latin1").replaceAll("\0", " ");
      found.push({ pid: Number(entry), command });
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

const answers = async (url: string) => (await fetch(url)).ok;

function start(env: Record<string, string>) {
  const marker = `start-with-mock-server-test-${randomUUID()}`;
  const script = spawn(process.execPath, ["scripts/start-with-mock-server.mjs"], {
    env: { ...process.env, ...env, START_WITH_MOCK_SERVER_TEST: marker },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  script.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  script.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    script.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { script, exited, marker, output: () => output };
}

/** Both started: the mock server answers on its port, and the app forwards to it. */
async function startBoth() {
  const appPort = await freePort();
  const mockPort = await freePort();
  const run = start({ PORT: String(appPort), MOCK_SERVER_URL: `http://localhost:${mockPort}` });
  await waitFor(() => answers(`http://localhost:${mockPort}/__dev/clock`), "the mock server");
  await waitFor(() => answers(`http://localhost:${appPort}/__dev/clock`), "the app's proxy");
  return { ...run, appPort, mockPort };
}

async function expectNothingLeft(run: ReturnType<typeof start>, ports: number[]) {
  expect(processesOf(run.marker), run.output()).toEqual([]);
  for (const port of ports) await expect(fetch(`http://localhost:${port}/`)).rejects.toThrow();
}

describe("npm run start:mock-server", { timeout: 120_000 }, () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "runs the app on PORT and the mock server on MOCK_SERVER_URL's port; %s stops both",
    async (signal) => {
      const run = await startBoth();
      const children = processesOf(run.marker).filter((p) => p.pid !== run.script.pid);
      expect(children.map((p) => p.command).join("\n")).toMatch(/mocks\/server\.ts[\s\S]*vite/);

      run.script.kill(signal);
      expect(await run.exited).toEqual({ code: null, signal });
      await expectNothingLeft(run, [run.appPort, run.mockPort]);
    },
  );

  it("stops the app and fails when the mock server dies", async () => {
    const run = await startBoth();
    const mockServer = processesOf(run.marker).find((p) => p.command.includes("mocks/server.ts"));
    expect(mockServer).toBeDefined();
    process.kill(mockServer?.pid ?? 0, "SIGKILL");

    const { code } = await run.exited;
    expect(code).not.toBe(0);
    expect(run.output()).toContain("the mock server stopped");
    await expectNothingLeft(run, [run.appPort, run.mockPort]);
  });

  it("fails, leaving nothing running, when the mock server's port is taken", async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const mockPort = (taken.address() as AddressInfo).port;
    const appPort = await freePort();
    try {
      const run = start({ PORT: String(appPort), MOCK_SERVER_URL: `http://localhost:${mockPort}` });
      const { code } = await run.exited;
      expect(code, run.output()).not.toBe(0);
      expect(run.output()).toContain("EADDRINUSE");
      await expectNothingLeft(run, [appPort]);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it("refuses a MOCK_SERVER_URL that is not a URL, starting nothing", async () => {
    const run = start({ MOCK_SERVER_URL: "localhost 4010" });
    expect(await run.exited).toEqual({ code: 2, signal: null });
    expect(run.output()).toContain("MOCK_SERVER_URL is not a URL");
    expect(processesOf(run.marker)).toEqual([]);
  });
});
