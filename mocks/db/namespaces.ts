import type { RequestHandler } from "msw";
import { MockDb, type MockDbOptions } from "./store";

/**
 * The local server's namespaces (decision 024): each test run may take its own, named by the
 * `X-Mock-Namespace` header or the `mock_namespace` cookie, and gets its own database: its own
 * copy of the seeded users, outbox, clock and reset. Requests with neither use the default one.
 */
export const NAMESPACE_HEADER = "x-mock-namespace";
export const NAMESPACE_COOKIE = "mock_namespace";
export const DEFAULT_NAMESPACE = "default";
/** Enough for many parallel runs; more would only fill the server's memory. */
export const MAX_NAMESPACES = 200;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** The namespace a request names: a name, or an Error for a header or cookie no name can be. */
export function namespaceOf(headers: Headers): string | Error {
  const header = headers.get(NAMESPACE_HEADER);
  const cookie = /(?:^|;\s*)mock_namespace=([^;]*)/.exec(headers.get("cookie") ?? "")?.[1];
  const name = header ?? cookie;
  if (name === undefined || name === "") return DEFAULT_NAMESPACE;
  return NAME.test(name)
    ? name
    : new Error(
        `The namespace must be 1 to 64 letters, digits, dots, dashes or underscores (${NAMESPACE_HEADER} header or ${NAMESPACE_COOKIE} cookie).`,
      );
}

type Space = { db: MockDb; handlers: RequestHandler[] };

/** The databases of the namespaces, each made on first use with its own handlers. */
export class Namespaces {
  private readonly spaces = new Map<string, Space>();

  constructor(
    defaultDb: MockDb,
    private readonly createHandlers: (db: MockDb) => RequestHandler[],
    private readonly options: (name: string) => MockDbOptions = () => ({}),
  ) {
    this.spaces.set(DEFAULT_NAMESPACE, { db: defaultDb, handlers: createHandlers(defaultDb) });
  }

  /** The namespace's handlers; null when there are too many namespaces to make another. */
  handlers(name: string): RequestHandler[] | null {
    let space = this.spaces.get(name);
    if (!space) {
      if (this.spaces.size >= MAX_NAMESPACES) return null;
      const db = new MockDb(this.options(name));
      space = { db, handlers: this.createHandlers(db) };
      this.spaces.set(name, space);
    }
    return space.handlers;
  }
}
