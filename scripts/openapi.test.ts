import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MockDb } from "../mocks/db/store";
import { createHandlers } from "../mocks/handlers";
import { operations } from "../src/api/operations";
import { OPENAPI_FILE, openApiText } from "./openapi";

/** "POST /api/account/methods/{id}": the mock's routes and the table's entries in one form. */
function mockRoutes(): string[] {
  const routes = new Set<string>();
  for (const handler of createHandlers(new MockDb())) {
    const { method, path } = handler.info as { method: unknown; path: unknown };
    // The request rules (`http.all` over /api/*) and catch-alls answer refusals only.
    if (typeof method !== "string" || typeof path !== "string" || path.slice(1).includes("*"))
      continue;
    const openApiPath = path.replace(/^\*/, "").replace(/:(\w+)/g, "{$1}");
    routes.add(`${method} ${openApiPath}`);
  }
  return [...routes].sort();
}

const tableRoutes = () => operations.map((op) => `${op.method.toUpperCase()} ${op.path}`).sort();

describe("the published contract (docs/openapi.json)", () => {
  it("is what `npm run openapi` makes from the contracts now", () => {
    const committed = readFileSync(OPENAPI_FILE, "utf8");
    expect(
      committed === openApiText(),
      `${OPENAPI_FILE} differs from the contracts: run \`npm run openapi\` and commit it.`,
    ).toBe(true);
  });

  it("has an entry for every route the mock answers", () => {
    const listed = new Set(tableRoutes());
    const missing = mockRoutes().filter((route) => !listed.has(route));
    const entries = missing.map((route) => {
      const [method = "", path = ""] = route.split(" ");
      return `  ${route}: { method: "${method.toLowerCase()}", path: "${path}", id, tag, summary, caller, request?, response, errors? }`;
    });
    expect(
      missing,
      `Routes the mock answers with no entry in src/api/operations.ts (add one each, then run \`npm run openapi\`):\n${entries.join("\n")}`,
    ).toEqual([]);
  });

  it("lists no path the mock does not answer", () => {
    const answered = new Set(mockRoutes());
    const extra = tableRoutes().filter((route) => !answered.has(route));
    expect(
      extra,
      `Entries in src/api/operations.ts with no handler in mocks/handlers:\n${extra.join("\n")}`,
    ).toEqual([]);
  });

  it("refers only to components it has", () => {
    const text = openApiText();
    const document = JSON.parse(text) as {
      components: Record<string, Record<string, unknown>>;
    };
    const refs = [...text.matchAll(/"\$ref": "#\/components\/(\w+)\/(\w+)"/g)];
    expect(refs.length).toBeGreaterThan(100);
    const dangling = refs
      .filter(([, kind = "", name = ""]) => !document.components[kind]?.[name])
      .map(([ref]) => ref);
    expect(dangling).toEqual([]);
  });

  it("names each operation once", () => {
    const ids = operations.map((op) => op.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(new Set(tableRoutes()).size).toBe(operations.length);
  });
});
