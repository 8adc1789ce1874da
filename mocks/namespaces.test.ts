import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ClockState, Outbox } from "../src/api/contracts/dev";
import { CreatedUser } from "../src/api/contracts/scenarios";
import { openApiDocument } from "../src/api/openapi";
import { createMockServer } from "./server";

/** The local server's QA kit over a real socket: namespaces, the state file, /openapi.json. */

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))),
  );
});

async function start(options: { stateFile?: string } = {}) {
  const server = createMockServer(undefined, options);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async (method: string, path: string, namespace?: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(namespace ? { "X-Mock-Namespace": namespace } : {}),
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as unknown };
  };
  return { server, call };
}

const outboxOf = async (call: Awaited<ReturnType<typeof start>>["call"], ns?: string) =>
  Outbox.parse((await call("GET", "/__dev/outbox", ns)).json);

describe("namespaces (X-Mock-Namespace)", { timeout: 30_000 }, () => {
  it("each has its own users, outbox, clock and reset; the default one is untouched", async () => {
    const { call } = await start();
    const created = await call("POST", "/__dev/users", "run-a", { state: "invited" });
    expect(created.status).toBe(201);
    const user = CreatedUser.parse(created.json);

    // Its invitation is in run-a's outbox only; each namespace starts from the seeded users.
    expect((await outboxOf(call, "run-a")).map((m) => m.to)).toContain(user.login);
    for (const ns of ["run-b", undefined])
      expect((await outboxOf(call, ns)).map((m) => m.to)).toEqual(["john.smith@yourfirm.org"]);
    const again = await call("POST", "/__dev/users", "run-b", { login: user.login });
    expect(again.status).toBe(201);

    // The clock: moved in run-a only.
    const before = ClockState.parse((await call("GET", "/__dev/clock", "run-b")).json).epochMs;
    await call("POST", "/__dev/clock", "run-a", { advanceSeconds: 86_400 });
    const a = ClockState.parse((await call("GET", "/__dev/clock", "run-a")).json).epochMs;
    const b = ClockState.parse((await call("GET", "/__dev/clock", "run-b")).json).epochMs;
    expect(a - b).toBeGreaterThan(86_000_000);
    expect(b - before).toBeLessThan(60_000);

    // Reset: run-a back to the seed; run-b keeps its user.
    expect((await call("POST", "/__dev/reset", "run-a", {})).status).toBe(200);
    expect((await outboxOf(call, "run-a")).map((m) => m.to)).toEqual(["john.smith@yourfirm.org"]);
    const taken = (ns: string) => call("POST", "/__dev/users", ns, { login: user.login });
    expect((await taken("run-b")).status).toBe(409);
    expect((await taken("run-a")).status).toBe(201);
  });

  it("the mock_namespace cookie names one too; a name that cannot be one is refused", async () => {
    const { server, call } = await start();
    await call("POST", "/__dev/users", "by-cookie", { state: "invited", login: "c@example.test" });
    const port = (server.address() as AddressInfo).port;
    const response = await fetch(`http://127.0.0.1:${port}/__dev/outbox`, {
      headers: { Cookie: "traqs_sid=x; mock_namespace=by-cookie" },
    });
    expect(Outbox.parse(await response.json()).map((m) => m.to)).toContain("c@example.test");
    for (const bad of ["../etc", "a b", "x".repeat(65)])
      expect((await call("GET", "/__dev/outbox", bad)).status).toBe(400);
  });
});

describe("MOCK_STATE_FILE", { timeout: 30_000 }, () => {
  it("keeps every namespace across a restart, written by rename (no partial file)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mock-state-"));
    const stateFile = join(dir, "state.json");
    const first = await start({ stateFile });
    const user = CreatedUser.parse(
      (await first.call("POST", "/__dev/users", "shared", { methods: ["sms"] })).json,
    );
    await first.call("POST", "/__dev/clock", undefined, { advanceSeconds: 3600 });
    await new Promise<void>((resolve) => first.server.close(() => resolve()));

    expect(existsSync(stateFile)).toBe(true);
    expect(readdirSync(dir)).toEqual(["state.json"]);
    expect(readFileSync(stateFile, "utf8")).not.toContain(user.password ?? "?");
    // Sessions and seeds are in it: its owner's only.
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);

    const second = await start({ stateFile });
    const created = await second.call("POST", "/__dev/users", "shared", { login: user.login });
    expect(created.status).toBe(409);
    const clock = ClockState.parse((await second.call("GET", "/__dev/clock")).json);
    expect(clock.epochMs - Date.now()).toBeGreaterThan(3_500_000);
  });
});

describe("/openapi.json", () => {
  it("is the contract's document", async () => {
    const { call } = await start();
    const answer = await call("GET", "/openapi.json");
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(openApiDocument());
  });
});
