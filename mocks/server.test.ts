import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorBody } from "../src/api/contracts/error-codes";
import { MAX_BODY_BYTES } from "./http/request-rules";
import { createMockServer } from "./server";

/**
 * The local server over a real socket, with requests no HTTP client would send: whatever arrives,
 * the answer is a 4xx with the usual error body, never a 5xx (SECURITY 41).
 */

/** Also reached as qa1.corp.example, as on a shared machine (MOCK_SERVER_HOSTS). */
const server = createMockServer(undefined, { hosts: ["qa1.corp.example"] });
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type RawAnswer = { status: number; headers: string; body: string };

/** Writes `head` (and `body`) to a new connection and reads the answer until the server closes it. */
function raw(head: string, body: Buffer | string = ""): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`The connection stayed open; received: ${received.slice(0, 200)}`));
    }, 10_000);
    socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
    socket.on("close", () => {
      clearTimeout(timer);
      const end = received.indexOf("\r\n\r\n");
      if (end < 0) return reject(new Error(`No answer; received: ${received.slice(0, 200)}`));
      const headers = received.slice(0, end);
      resolve({ status: Number(headers.split(" ")[1]), headers, body: received.slice(end + 4) });
    });
    // A reset after the answer (the server stopped reading a body) still leaves the answer.
    socket.on("error", () => undefined);
    socket.write(head);
    if (body.length) socket.write(body);
  });
}

function expectErrorBody(answer: RawAnswer, status: number) {
  expect(answer.status, answer.headers).toBe(status);
  expect(answer.headers).toMatch(/content-type: application\/json/i);
  expect(ErrorBody.parse(JSON.parse(answer.body)).error.message).toMatch(/\w{3,}/);
}

describe("the local server answers odd requests with a 4xx and the usual error body", () => {
  it.each(["exa mple.org", "[::1", "localhost:99999999", "a/b@evil", "%00"])(
    "a malformed Host header (%s): 400",
    async (host) => {
      expectErrorBody(
        await raw(`GET /__dev/clock HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
        400,
      );
    },
  );

  // DNS rebinding: another site's name made to point here would be this origin to a browser.
  it.each([
    ["GET", "/__dev/outbox"],
    ["POST", "/__dev/users"],
  ])("a Host that is not one of the server's names (%s %s): 421", async (method, path) => {
    const body = method === "POST" ? "{}" : "";
    const answer = await raw(
      `${method} ${path} HTTP/1.1\r\nHost: rebind.evil.example:${port}\r\n` +
        `Origin: http://rebind.evil.example:${port}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expectErrorBody(answer, 421);
    expect(answer.body).toContain("rebind.evil.example");
  });

  it.each(["localhost", "127.0.0.1", "[::1]", "LOCALHOST", "qa1.corp.example"])(
    "its own names are answered (%s), and never sniffed into a page",
    async (name) => {
      const answer = await raw(
        `GET /__dev/clock HTTP/1.1\r\nHost: ${name}:${port}\r\nConnection: close\r\n\r\n`,
      );
      expect(answer.status, answer.body).toBe(200);
      expect(answer.headers).toMatch(/x-content-type-options: nosniff/i);
    },
  );

  it("a Host header the HTTP parser itself refuses (a control character): 400", async () => {
    expectErrorBody(
      await raw("GET /__dev/clock HTTP/1.1\r\nHost: local\u0001host\r\nConnection: close\r\n\r\n"),
      400,
    );
  });

  it.each(["/download/%E0%A4%A/x", "/api/account/methods/%E0%A4%A", "/%"])(
    "a bad percent-encoding in the path (%s): 400",
    async (path) => {
      expectErrorBody(
        await raw(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`),
        400,
      );
    },
  );

  it("TRACE: 405 with Allow", async () => {
    const answer = await raw("TRACE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    expectErrorBody(answer, 405);
    expect(answer.headers).toMatch(/allow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS/i);
  });

  it("CONNECT: 405", async () => {
    expectErrorBody(
      await raw("CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443\r\n\r\n"),
      405,
    );
  });

  it("a malformed request line: 400", async () => {
    expectErrorBody(await raw("GET\r\n\r\n"), 400);
  });

  it("a route that does not exist: 404", async () => {
    expectErrorBody(
      await raw("GET /api/nothing HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
      404,
    );
  });
});

describe("bodies are capped while they are read", () => {
  const json = "Content-Type: application/json\r\n";

  it("a declared Content-Length over the cap: 413 at once, before any of the body is sent", async () => {
    for (const path of ["/api/authn/identify", "/oauth2/token"]) {
      const answer = await raw(
        `POST ${path} HTTP/1.1\r\nHost: localhost\r\n${json}Content-Length: 10000000000\r\n\r\n`,
      );
      expectErrorBody(answer, 413);
      expect(answer.headers).toMatch(/connection: close/i);
    }
  });

  it("a chunked body that passes the cap: 413 before the body has ended", async () => {
    const chunk = Buffer.alloc(MAX_BODY_BYTES + 1, "a");
    // One chunk over the cap, and the body's end (a zero-length chunk) never sent.
    const answer = await raw(
      `POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`,
      Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]),
    );
    expectErrorBody(answer, 413);
  });

  it("a body at the cap is read and goes on to its handler", async () => {
    const body = JSON.stringify({ username: "a".repeat(MAX_BODY_BYTES - 20) });
    const answer = await raw(
      `POST /api/authn/identify HTTP/1.1\r\nHost: localhost\r\n${json}Content-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
      body,
    );
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_BYTES);
    // Too long for a username, but read whole and refused by the contract, not by the cap.
    expectErrorBody(answer, 400);
  });
});

describe("cross-site requests are refused on the local server too (SECURITY 40)", () => {
  const post = (headers: Record<string, string>, body: string) =>
    fetch(`http://127.0.0.1:${port}/api/authn/identify`, { method: "POST", headers, body });
  const username = JSON.stringify({ username: "jane.doe@yourfirm.org" });

  it("another site's Origin: 403 CROSS_ORIGIN", async () => {
    const response = await post(
      {
        "content-type": "application/json",
        origin: "https://attacker.example",
        "sec-fetch-site": "cross-site",
      },
      username,
    );
    expect(response.status).toBe(403);
    expect(ErrorBody.parse(await response.json()).error.code).toBe("CROSS_ORIGIN");
  });

  it("a text/plain body (what a form can send): 415", async () => {
    const response = await post({ "content-type": "text/plain" }, username);
    expect(response.status).toBe(415);
  });

  it("the same request from the server's own origin, or from curl, is taken", async () => {
    const own = { origin: `http://127.0.0.1:${port}`, "sec-fetch-site": "same-origin" };
    for (const headers of [own, {}]) {
      const response = await post({ "content-type": "application/json", ...headers }, username);
      expect(response.status, await response.text()).toBe(200);
    }
  });
});
