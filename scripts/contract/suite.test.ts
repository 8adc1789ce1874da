import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockServer } from "../../mocks/server";
import { flows, runSuite } from "./suite";

/** The conformance suite itself: it passes on the mock, and fails or skips where it must. */

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

/**
 * A test double in front of the mock: forwards every request, but lets `alter` answer some
 * itself, as a backend with one endpoint wrong or missing would.
 */
function double(
  upstream: () => string,
  alter: (path: string, answer: Response) => Promise<Response>,
) {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === "string" && name !== "host") headers.set(name, value);
      // A reverse proxy: the upstream sees its own origin, as the app's pages would send it.
      if (headers.has("origin")) headers.set("origin", new URL(upstream()).origin);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const path = req.url ?? "/";
      const upstreamAnswer = await fetch(new URL(path, upstream()), {
        method: req.method,
        headers,
        body,
      });
      const answer = await alter(new URL(path, "http://x").pathname, upstreamAnswer);
      const out: Record<string, string | string[]> = {};
      answer.headers.forEach((value, name) => {
        if (name !== "set-cookie" && name !== "content-length" && name !== "content-encoding")
          out[name] = value;
      });
      out["set-cookie"] = answer.headers.getSetCookie();
      res.writeHead(answer.status, out);
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
}

const mock = createMockServer();
let mockUrl = "";
beforeAll(async () => {
  mockUrl = await listen(mock);
});
afterAll(() => new Promise<void>((resolve) => mock.close(() => resolve())));

const withDouble = async (
  alter: (path: string, answer: Response) => Promise<Response>,
  run: (url: string) => Promise<void>,
) => {
  const server = double(() => mockUrl, alter);
  try {
    await run(await listen(server));
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
};

describe("the conformance suite", () => {
  it("passes against the local mock server, skipping nothing", async () => {
    const { results } = await runSuite(mockUrl, { namespace: "suite-test" });
    expect(results.filter((r) => r.status === "failed")).toEqual([]);
    expect(results.filter((r) => r.status === "skipped")).toEqual([]);
    expect(results).toHaveLength(flows.length);
  }, 60_000);

  it("fails against a backend whose GET /api/me leaves out a field, naming the endpoint", async () => {
    await withDouble(
      async (path, answer) => {
        if (path !== "/api/me" || !answer.ok) return answer;
        const { login: _login, ...rest } = (await answer.json()) as Record<string, unknown>;
        return Response.json(rest, { headers: answer.headers });
      },
      async (url) => {
        const { results } = await runSuite(url, { namespace: "suite-broken" });
        const failed = results.filter((r) => r.status === "failed");
        // Every flow that reads GET /api/me fails, and only for that.
        expect(failed.map((r) => r.name)).toContain(
          "sign-in with Google Authenticator, then sign out",
        );
        for (const flow of failed) expect(flow.message).toMatch(/GET \/api\/me \(getMe\): .*login/);
      },
    );
  }, 60_000);

  it("fails against a backend that answers a wrong code with an error the contract does not list", async () => {
    await withDouble(
      async (path, answer) =>
        path === "/api/authn/verify" && answer.status === 401
          ? Response.json({ error: { code: "VALIDATION", message: "?" } }, { status: 422 })
          : answer,
      async (url) => {
        const { results } = await runSuite(url, { namespace: "suite-broken-error" });
        const failed = results.find((r) => r.status === "failed");
        expect(failed?.message).toMatch(
          /POST \/api\/authn\/verify \(verifyCode\): 422 VALIDATION is not an error the contract lists/,
        );
      },
    );
  }, 60_000);

  it("skips by name, never passes, what needs /__dev/... on a backend without it", async () => {
    await withDouble(
      async (path, answer) =>
        path.startsWith("/__dev/")
          ? Response.json({ error: { code: "NOT_FOUND", message: "No route" } }, { status: 404 })
          : answer,
      async (url) => {
        const { results } = await runSuite(url);
        const needsDev = flows.filter((f) => f.needsDev).map((f) => f.name);
        expect(needsDev.length).toBeGreaterThan(5);
        for (const name of needsDev)
          expect(results.find((r) => r.name === name)).toMatchObject({
            status: "skipped",
            message: expect.stringContaining("/__dev/"),
          });
        expect(results.filter((r) => r.status === "failed")).toEqual([]);
        expect(results.filter((r) => r.status === "passed").length).toBeGreaterThan(3);
      },
    );
  }, 60_000);
});
