import { ErrorBody } from "../../src/api/contracts/error-codes";
import { OAuthErrorBody } from "../../src/api/contracts/oauth";
import { errorsByStatus } from "../../src/api/openapi";
import { operations, type Operation } from "../../src/api/operations";

/** A contract violation: the suite reports it as a failure with this message. */
export class ContractError extends Error {}

export type Answer<T> = { status: number; headers: Headers; body: T; text: string };

type CallOptions = {
  /** Path parameters, by name ({id} in the table's path). */
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  /** The error this step expects, as status and code; a success is then a violation. */
  expect?: readonly [number, string];
};

/**
 * One browser's view of a backend over HTTP: a cookie jar, JSON bodies, the app's own Origin.
 * Every answer is checked against the operation's entry in the contract: a success's body against
 * its schema, an error's body against ErrorBody (or the OAuth body) and its status and code against
 * the errors the operation may answer.
 */
export class ContractClient {
  private readonly jar = new Map<string, string>();
  /** The operations this client called, for the suite's coverage line. */
  readonly called = new Set<string>();

  constructor(
    readonly baseUrl: string,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  /** Calls an operation of the table by its id and checks the answer against the contract. */
  async call<T = unknown>(id: string, options: CallOptions = {}): Promise<Answer<T>> {
    const op = operations.find((candidate) => candidate.id === id);
    if (!op) throw new Error(`No operation ${id} in src/api/operations.ts`);
    this.called.add(op.id);
    const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
      encodeURIComponent(options.params?.[name] ?? ""),
    );
    const url = new URL(path, this.baseUrl);
    for (const [name, value] of Object.entries(options.query ?? {}))
      url.searchParams.set(name, value);
    const form = op.request !== undefined && "form" in op.request;
    // A POST or PUT without a body of its own sends an empty JSON object, as the app does: the
    // JSON content type is what the request rules check (docs/backend.md).
    const body = options.body ?? (op.method === "post" || op.method === "put" ? {} : undefined);
    const response = await this.send(op.method.toUpperCase(), url, body, form, {
      ...options.headers,
    });
    return check(op, response, options.expect) as Promise<Answer<T>>;
  }

  /** A request outside the table's checks (an odd request for a refusal). */
  async raw(
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: string },
  ) {
    const response = await this.send(
      method,
      new URL(path, this.baseUrl),
      undefined,
      false,
      {
        ...init.headers,
      },
      init.body,
    );
    return { status: response.status, text: await response.text() };
  }

  private async send(
    method: string,
    url: URL,
    body: unknown,
    form: boolean,
    headers: Record<string, string>,
    rawBody?: string,
  ): Promise<Response> {
    const cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
    const encoded =
      rawBody ??
      (body === undefined
        ? undefined
        : form
          ? new URLSearchParams(body as Record<string, string>).toString()
          : JSON.stringify(body));
    const response = await fetch(url, {
      method,
      redirect: "manual",
      headers: {
        Accept: "application/json",
        // A page of the app's own origin, as a browser would say (SECURITY 40).
        ...(method === "GET" ? {} : { Origin: new URL(this.baseUrl).origin }),
        ...(encoded !== undefined && rawBody === undefined
          ? { "Content-Type": form ? "application/x-www-form-urlencoded" : "application/json" }
          : {}),
        ...(cookie ? { Cookie: cookie } : {}),
        ...this.extraHeaders,
        ...headers,
      },
      body: encoded,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const ended = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (ended || pair.slice(at + 1) === "") this.jar.delete(name);
      else this.jar.set(name, pair.slice(at + 1));
    }
    return response;
  }
}

async function check(
  op: Operation,
  response: Response,
  expected: readonly [number, string] | undefined,
): Promise<Answer<unknown>> {
  const where = `${op.method.toUpperCase()} ${op.path} (${op.id})`;
  const text = await response.text();
  const parseJson = () => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ContractError(`${where}: ${response.status} with a body that is not JSON`);
    }
  };
  if (response.ok) {
    if (expected)
      throw new ContractError(
        `${where}: expected ${expected[0]} ${expected[1]}, got ${response.status}`,
      );
    const wanted = op.status ?? (op.response === null ? 204 : 200);
    if (response.status !== wanted)
      throw new ContractError(`${where}: status ${response.status}, the contract says ${wanted}`);
    if (op.response === null)
      return { status: response.status, headers: response.headers, body: null, text };
    if ("file" in op.response) {
      const type = response.headers.get("content-type") ?? "";
      if (!type.startsWith(op.response.file))
        throw new ContractError(
          `${where}: Content-Type ${type}, the contract says ${op.response.file}`,
        );
      return { status: response.status, headers: response.headers, body: text, text };
    }
    const parsed = op.response.safeParse(parseJson());
    if (!parsed.success)
      throw new ContractError(
        `${where}: the answer does not match the contract: ${parsed.error.issues
          .map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`)
          .join("; ")}`,
      );
    return { status: response.status, headers: response.headers, body: parsed.data, text };
  }

  const oauth = op.caller === "bearer" || op.caller === "client";
  // A bare Bearer challenge has no body (RFC 6750 §3.1): its WWW-Authenticate says it all.
  const bare = oauth && response.status === 401 && text === "";
  const code = bare
    ? "invalid_token"
    : oauth
      ? parseErrorBody(OAuthErrorBody, parseJson(), where, response.status).error
      : parseErrorBody(ErrorBody, parseJson(), where, response.status).error.code;
  if (bare && !response.headers.get("www-authenticate"))
    throw new ContractError(`${where}: 401 with neither a body nor WWW-Authenticate`);
  const allowed = errorsByStatus(op).get(response.status) ?? [];
  if (!allowed.includes(code))
    throw new ContractError(
      `${where}: ${response.status} ${code} is not an error the contract lists (${response.status}: ${allowed.join(", ") || "none"})`,
    );
  if (!expected)
    throw new ContractError(
      `${where}: unexpected ${response.status} ${code}: ${text.slice(0, 200)}`,
    );
  if (expected[0] !== response.status || (expected[1] !== code && !bare))
    throw new ContractError(
      `${where}: expected ${expected[0]} ${expected[1]}, got ${response.status} ${code}`,
    );
  return { status: response.status, headers: response.headers, body: null, text };
}

function parseErrorBody<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  value: unknown,
  where: string,
  status: number,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new ContractError(`${where}: a ${status} whose body is not the contract's error body`);
  return parsed.data;
}
