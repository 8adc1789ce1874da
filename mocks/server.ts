import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { getResponse } from "msw";
import { openApiDocument } from "../src/api/openapi";
import { DEFAULT_NAMESPACE, Namespaces, namespaceOf } from "./db/namespaces";
import { StateFile } from "./db/state-file";
import { MockDb } from "./db/store";
import { createHandlers } from "./handlers";
import { MAX_BODY_BYTES } from "./http/request-rules";
import { errorResponse, json } from "./http/respond";
import { Refusal } from "./rules/refusal";

/** The methods the backend answers; TRACE, TRACK and CONNECT are refused (SECURITY 41). */
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
/** A host name or IPv4 address, or an IPv6 address in brackets, and an optional port. */
const HOST = /^(?:[a-z0-9._-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
/**
 * The names the server answers to on this machine. Any other Host is refused: a page of another
 * site whose name was made to point here (DNS rebinding) would otherwise count as this origin,
 * reach `/__dev` and pass the same-origin check of changes (SECURITY 40).
 */
const LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/** The usual error body for a request refused before any handler sees it. */
function refusal(status: number, message: string, headers: Record<string, string> = {}) {
  const response = errorResponse(new Refusal(status, "VALIDATION", message));
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** The request's URL, or the answer to a method, Host or path no handler can take. */
function requestUrl(req: IncomingMessage, hosts: ReadonlySet<string>): URL | Response {
  const method = req.method ?? "GET";
  if (!METHODS.includes(method))
    return refusal(405, `The method ${method} is not allowed.`, { Allow: METHODS.join(", ") });
  const host = req.headers.host ?? "localhost";
  if (!HOST.test(host)) return refusal(400, "The Host header is not valid.");
  let url: URL;
  try {
    url = new URL(req.url ?? "/", `http://${host}`);
    decodeURIComponent(url.pathname); // the handlers' path parameters are decoded
  } catch {
    return refusal(400, "The URL is not valid (bad percent-encoding?).");
  }
  if (!hosts.has(url.hostname))
    return refusal(421, `This server does not answer to ${url.hostname}.`);
  return url;
}

/**
 * The body, counted while it arrives: null as soon as it passes the cap (declared or sent), and
 * the rest is never read.
 */
function readBody(req: IncomingMessage): Promise<Buffer<ArrayBuffer> | null> {
  if (Number(req.headers["content-length"]) > MAX_BODY_BYTES) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      req.off("data", onData);
      req.pause();
      resolve(null);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

async function write(res: ServerResponse, response: Response) {
  // JSON, CSV and files are what they say they are: no browser sniffs them into a page.
  const headers: Record<string, string | string[]> = { "x-content-type-options": "nosniff" };
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** An answer written straight to the connection, for requests that never become a `req`. */
function answerOnSocket(socket: Duplex, status: string, message: string, headers = "") {
  if (!socket.writable) return void socket.destroy();
  const body = JSON.stringify({ error: { code: "VALIDATION", message } });
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nCache-Control: no-store\r\n` +
      `${headers}Connection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/**
 * The mock backend as a local HTTP server, so that scripts and curl use the same rules and data as
 * the browser. Run it with `npm run mock-server` (on the port of MOCK_SERVER_URL, default 4010).
 * Whatever arrives, it answers 4xx with the usual error body, never a 5xx (SECURITY 41). Each
 * namespace (X-Mock-Namespace) has its own database; `stateFile` keeps them all across restarts.
 * It answers to localhost and to the names in `hosts` only.
 */
export function createMockServer(
  db?: MockDb,
  { stateFile, hosts = [] }: { stateFile?: string; hosts?: string[] } = {},
) {
  const answersTo = new Set([...LOCAL_HOSTS, ...hosts.map((name) => name.toLowerCase())]);
  const file = stateFile ? new StateFile(stateFile) : null;
  const persisted = (name: string) => (file ? { persistence: file.persistence(name) } : {});
  const namespaces = new Namespaces(
    db ?? new MockDb(persisted(DEFAULT_NAMESPACE)),
    createHandlers,
    persisted,
  );
  let openApi: unknown = null;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = requestUrl(req, answersTo);
    if (url instanceof Response) return write(res, url);
    const body = await readBody(req);
    if (body === null) {
      // The rest of the body is not read: the connection ends with this answer.
      res.shouldKeepAlive = false;
      return write(res, refusal(413, "The request body is too large."));
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
      else if (value !== undefined) headers.set(name, value);
    }
    const request = new Request(url, {
      method: req.method,
      headers,
      body: body.length && req.method !== "GET" && req.method !== "HEAD" ? body : undefined,
    });
    if (url.pathname === "/openapi.json" && (req.method === "GET" || req.method === "HEAD")) {
      openApi ??= openApiDocument();
      return write(res, json(openApi, { headers: { "Access-Control-Allow-Origin": "*" } }));
    }
    const namespace = namespaceOf(headers);
    if (namespace instanceof Error) return write(res, refusal(400, namespace.message));
    const handlers = namespaces.handlers(namespace);
    if (!handlers)
      return write(
        res,
        errorResponse(new Refusal(429, "RATE_LIMITED", "Too many namespaces: restart the server.")),
      );
    const response = await getResponse(handlers, request);
    if (!response) {
      return write(
        res,
        errorResponse(new Refusal(404, "NOT_FOUND", `No route for ${req.method} ${url.pathname}`)),
      );
    }
    return write(res, response);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (res.headersSent) return void res.destroy();
      void write(res, errorResponse(new Refusal(500, "SERVER_ERROR", "The server failed.")));
    });
  });
  // What the HTTP parser refuses (a malformed request line or header) gets the usual body too.
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) =>
    error.code === "HPE_HEADER_OVERFLOW"
      ? answerOnSocket(socket, "431 Request Header Fields Too Large", "The headers are too large.")
      : answerOnSocket(socket, "400 Bad Request", "The request is malformed."),
  );
  // CONNECT never reaches the request handler; it is refused like TRACE.
  server.on("connect", (_req: IncomingMessage, socket: Duplex) =>
    answerOnSocket(
      socket,
      "405 Method Not Allowed",
      "The method CONNECT is not allowed.",
      `Allow: ${METHODS.join(", ")}\r\n`,
    ),
  );
  return server;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  // The port the app's proxy forwards to: one setting for both, so they cannot disagree.
  const url = new URL(process.env.MOCK_SERVER_URL ?? "http://localhost:4010");
  const port = Number(url.port || 80);
  const host = process.env.HOST ?? "127.0.0.1";
  const stateFile = process.env.MOCK_STATE_FILE || undefined;
  // Its own name, and those it is reached by on a shared machine (MOCK_SERVER_HOSTS=qa1,qa1.corp).
  const hosts = [url.hostname, ...(process.env.MOCK_SERVER_HOSTS?.split(",") ?? [])]
    .map((name) => name.trim())
    .filter(Boolean);
  createMockServer(undefined, { stateFile, hosts }).listen(port, host, () => {
    console.log(`Mock backend listening on http://localhost:${port} (reset: POST /__dev/reset)`);
  });
}
