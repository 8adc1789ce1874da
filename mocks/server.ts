import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { getResponse } from "msw";
import { MockDb } from "./db/store";
import { createHandlers } from "./handlers";

/**
 * The mock backend as a local HTTP server, so that scripts and curl use the same rules and data as
 * the browser. Run it with `npm run mock-server` (PORT, default 4010).
 */
export function createMockServer(db = new MockDb()) {
  const handlers = createHandlers(db);

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
      else if (value !== undefined) headers.set(name, value);
    }
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
    const request = new Request(url, {
      method: req.method ?? "GET",
      headers,
      body: body && req.method !== "GET" && req.method !== "HEAD" ? body : undefined,
    });
    const response = await getResponse(handlers, request);
    if (!response) {
      res.writeHead(404, { "Content-Type": "application/json" });
      res.end(
        JSON.stringify({
          error: { code: "NOT_FOUND", message: `No route for ${req.method} ${url.pathname}` },
        }),
      );
      return;
    }
    const outHeaders: Record<string, string | string[]> = {};
    response.headers.forEach((value, name) => {
      if (name !== "set-cookie") outHeaders[name] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) outHeaders["set-cookie"] = cookies;
    res.writeHead(response.status, outHeaders);
    res.end(Buffer.from(await response.arrayBuffer()));
  }

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      res.writeHead(500).end();
    });
  });
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const port = Number(process.env.PORT ?? 4010);
  const host = process.env.HOST ?? "127.0.0.1";
  createMockServer().listen(port, host, () => {
    console.log(`Mock backend listening on http://localhost:${port} (reset: POST /__dev/reset)`);
  });
}
