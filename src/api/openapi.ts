import * as z from "zod/mini";
import * as account from "./contracts/account";
import * as admin from "./contracts/admin";
import * as apiDownload from "./contracts/api-download";
import * as authn from "./contracts/authn";
import * as common from "./contracts/common";
import * as dev from "./contracts/dev";
import * as enrollment from "./contracts/enrollment";
import * as errorCodes from "./contracts/error-codes";
import * as me from "./contracts/me";
import * as nasdaq from "./contracts/nasdaq";
import * as oauth from "./contracts/oauth";
import * as passkeys from "./contracts/passkeys";
import * as recovery from "./contracts/recovery";
import * as recoveryCodes from "./contracts/recovery-codes";
import * as scenarios from "./contracts/scenarios";
import { operations, type Operation } from "./operations";

/*
 * The OpenAPI 3.1 document of the contract, made from the operations table and the zod contracts
 * with zod's own JSON Schema output (decision 023): no schema is written twice. `npm run openapi`
 * writes it to docs/openapi.json; the local server answers it at /openapi.json.
 */

/** The session cookie's name, as the backend sets it (decision 004). */
export const SESSION_COOKIE_NAME = "traqs_sid";

type Json = Record<string, unknown>;
type Schema = z.ZodMiniType;

/** Every exported schema of the contracts, by its export name: the document's component names. */
const CONTRACT_MODULES = [
  errorCodes,
  common,
  authn,
  me,
  passkeys,
  account,
  enrollment,
  recovery,
  recoveryCodes,
  apiDownload,
  oauth,
  dev,
  scenarios,
  admin,
  nasdaq,
];
function namedSchemas(): Map<Schema, string> {
  const names = new Map<Schema, string>();
  for (const module of CONTRACT_MODULES)
    for (const [name, value] of Object.entries(module))
      if (value instanceof z.ZodMiniType && !names.has(value)) names.set(value, name);
  return names;
}

const ref = (name: string) => `#/components/schemas/${name}`;

/** The named schemas as JSON Schema, for a request (`input`) or an answer (`output`). */
function convertNamed(names: Map<Schema, string>, io: "input" | "output", suffix = "") {
  const registry = z.registry<{ id: string }>();
  for (const [schema, name] of names) registry.add(schema, { id: name });
  const { schemas } = z.toJSONSchema(registry, {
    io,
    target: "draft-2020-12",
    uri: (id) => ref(`${id}${suffix}`),
  });
  const out = new Map<string, Json>();
  for (const [name, schema] of Object.entries(schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema as Json;
    out.set(name, rest);
  }
  return out;
}

/** The component names a JSON value refers to. */
function refsOf(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => refsOf(item, found));
  else if (value && typeof value === "object")
    for (const [key, item] of Object.entries(value))
      if (key === "$ref" && typeof item === "string") found.add(item.split("/").pop() ?? "");
      else refsOf(item, found);
  return found;
}

/** The names reachable from `roots` through $refs. */
function reachable(roots: Iterable<string>, schemas: Map<string, Json>): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !schemas.has(name)) return;
    seen.add(name);
    for (const next of refsOf(schemas.get(name))) visit(next);
  };
  for (const root of roots) visit(root);
  return seen;
}

/**
 * Components of both directions. A schema whose request form differs from its answer form (an
 * answer's objects take no other property; a typed code is trimmed) gets an `…Input` twin, and so
 * does every request schema that refers to one.
 */
function components(names: Map<Schema, string>, requestRoots: string[], answerRoots: string[]) {
  const output = convertNamed(names, "output");
  const input = convertNamed(names, "input");
  const usedOut = reachable(answerRoots, output);
  const usedIn = reachable(requestRoots, input);
  const twins = new Set(
    [...usedIn].filter(
      (n) => usedOut.has(n) && JSON.stringify(input.get(n)) !== JSON.stringify(output.get(n)),
    ),
  );
  for (let grew = true; grew;) {
    grew = false;
    for (const n of usedIn)
      if (!twins.has(n) && usedOut.has(n) && [...refsOf(input.get(n))].some((r) => twins.has(r))) {
        twins.add(n);
        grew = true;
      }
  }
  const inputName = (n: string) => (twins.has(n) ? `${n}Input` : n);
  const renamed = (value: unknown): unknown =>
    JSON.parse(
      JSON.stringify(value).replace(/"#\/components\/schemas\/(\w+)"/g, (_m, n: string) =>
        JSON.stringify(ref(inputName(n))),
      ),
    );
  const schemas: Record<string, unknown> = {};
  for (const n of [...usedOut].sort()) schemas[n] = output.get(n);
  for (const n of [...usedIn].sort()) schemas[inputName(n)] = renamed(input.get(n));
  return { schemas: sortKeys(schemas), inputName };
}

function sortKeys(record: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** The errors any endpoint of a kind may answer, beside the ones it lists itself. */
export function commonErrors(op: Operation): Array<readonly [number, errorCodes.ErrorCode]> {
  if (op.caller === "bearer" || op.caller === "client") return [];
  const errors: Array<readonly [number, errorCodes.ErrorCode]> = [];
  const changes = op.method !== "get";
  // The request rules (docs/backend.md, "Every request"): before any handler runs.
  if (changes || op.request) errors.push([400, "VALIDATION"]);
  if (changes) errors.push([403, "CROSS_ORIGIN"], [413, "VALIDATION"], [415, "VALIDATION"]);
  if (op.caller === "signedIn" || op.caller === "setUp" || op.caller === "administrator")
    errors.push([401, "UNAUTHENTICATED"]);
  if (op.caller === "administrator") errors.push([403, "FORBIDDEN"]);
  errors.push([500, "SERVER_ERROR"]);
  return errors;
}

/** An operation's errors, by status: each status with the codes it may carry. */
export function errorsByStatus(op: Operation): Map<number, string[]> {
  const byStatus = new Map<number, string[]>();
  for (const [status, code] of [
    ...commonErrors(op),
    ...(op.errors ?? []),
    ...(op.oauthErrors ?? []),
  ]) {
    const codes = byStatus.get(status) ?? [];
    if (!codes.includes(code)) codes.push(code);
    byStatus.set(status, codes);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}

const SECURITY: Record<Operation["caller"], Json[]> = {
  public: [{}, { sessionCookie: [] }],
  signedIn: [{ sessionCookie: [] }],
  setUp: [{ sessionCookie: [] }],
  bearer: [{ bearerAccessToken: [] }],
  client: [{}],
  administrator: [{ sessionCookie: [] }],
  nasdaq: [{}, { nasdaqSessionCookie: [] }],
  development: [{}],
};

/** What the document says of a caller kind, beside its security scheme. */
const CALLER_NOTE: Partial<Record<Operation["caller"], string>> = {
  administrator:
    "For a signed-in administrator (Me.administration: a firm administrator or the help desk). " +
    "Anyone else signed in gets 403 FORBIDDEN. A firm administrator asking for another firm's " +
    "user or firm gets 404 NOT_FOUND, exactly as for one that does not exist. A change needs a " +
    'fresh "Verify it\'s you" made for it (POST /api/step-up/start with { purpose: "change", ' +
    'change: { kind: "admin", action, target } }), else 403 STEP_UP_REQUIRED; it writes one ' +
    "audit event, success or failure.",
};

/** The OpenAPI 3.1 document. */
export function openApiDocument(): Json {
  const names = namedSchemas();
  const nameOf = (schema: Schema) => names.get(schema);
  const requestSchema = (op: Operation) =>
    op.request === undefined ? undefined : "form" in op.request ? op.request.form : op.request;
  const answerSchema = (op: Operation) =>
    op.response === null || "file" in op.response ? undefined : op.response;
  const roots = (pick: (op: Operation) => Schema | undefined) =>
    operations.flatMap((op) => {
      const name = pick(op) && nameOf(pick(op) as Schema);
      return name ? [name] : [];
    });
  const queryRoots = operations.flatMap((op) =>
    (op.query ?? []).flatMap((q) => nameOf(q.schema) ?? []),
  );
  const { schemas, inputName } = components(
    names,
    [...roots(requestSchema), ...queryRoots],
    [...roots(answerSchema), "ErrorBody", "OAuthErrorBody"],
  );

  const inline = (schema: Schema, io: "input" | "output") => {
    const name = nameOf(schema);
    if (name) return { $ref: ref(io === "input" ? inputName(name) : name) };
    const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12" });
    return rest;
  };

  const paths: Record<string, Record<string, Json>> = {};
  for (const op of operations) {
    const parameters: Json[] = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
        name,
        in: "path",
        required: true,
        schema: { type: "string" },
      })),
      ...(op.query ?? []).map((q) => ({
        name: q.name,
        in: "query",
        required: q.required,
        schema: inline(q.schema, "input"),
      })),
    ];
    const request = requestSchema(op);
    const responses: Record<string, Json> = {};
    const sessionHeaders =
      op.caller === "public"
        ? { headers: { "Set-Cookie": { $ref: "#/components/headers/SessionCookie" } } }
        : {};
    if (op.response === null) responses["204"] = { description: "Done.", ...sessionHeaders };
    else if ("file" in op.response)
      responses["200"] = {
        description: "The file; Content-Disposition names it.",
        content: { [op.response.file]: { schema: { type: "string" } } },
      };
    else
      responses[String(op.status ?? 200)] = {
        description: op.status === 201 ? "Created" : "OK",
        ...sessionHeaders,
        content: { "application/json": { schema: inline(op.response, "output") } },
      };
    const oauth = op.caller === "bearer" || op.caller === "client";
    for (const [status, codes] of errorsByStatus(op)) {
      const body = oauth
        ? { $ref: ref("OAuthErrorBody") }
        : {
            allOf: [
              { $ref: ref("ErrorBody") },
              { properties: { error: { properties: { code: { enum: codes } } } } },
            ],
          };
      responses[String(status)] = {
        description: codes.join(", "),
        // A bare Bearer challenge (no credentials sent) has no body (RFC 6750 §3.1).
        ...(oauth && status === 401 && op.caller === "bearer"
          ? { headers: { "WWW-Authenticate": { schema: { type: "string" } } } }
          : {}),
        content: { "application/json": { schema: body } },
      };
    }
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      operationId: op.id,
      tags: [op.tag],
      summary: op.summary,
      ...(CALLER_NOTE[op.caller] ? { description: CALLER_NOTE[op.caller] } : {}),
      ...(op.caller === "development" ? { "x-development-only": true } : {}),
      security: SECURITY[op.caller],
      ...(parameters.length ? { parameters } : {}),
      ...(request
        ? {
            requestBody: {
              required: true,
              content: {
                [op.request && "form" in op.request
                  ? "application/x-www-form-urlencoded"
                  : "application/json"]: { schema: inline(request, "input") },
              },
            },
          }
        : op.method === "post" || op.method === "put"
          ? {
              requestBody: {
                description:
                  "An empty JSON object ({}): a change is sent as JSON so that another site's form cannot send it.",
                content: { "application/json": { schema: { type: "object" } } },
              },
            }
          : {}),
      responses,
    };
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "TRAQS MFA backend",
      version: "1.0.0",
      description:
        "The contract between the TRAQS MFA browser app and its backend, generated from the zod " +
        "contracts (src/api/contracts) and the operations table (src/api/operations.ts) by " +
        "`npm run openapi`. What a backend must do behind each endpoint: docs/backend.md. " +
        "Operations marked x-development-only exist on the mock backend only.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    tags: [...new Set(operations.map((op) => op.tag))].map((name) => ({ name })),
    paths: sortKeys(paths),
    components: {
      schemas,
      securitySchemes: {
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: SESSION_COOKIE_NAME,
          description:
            "The session: an opaque id in an HttpOnly, Secure, SameSite=Strict cookie set by the " +
            "backend (decision 004). State-changing requests must come from the app's own origin " +
            "and be JSON (docs/backend.md).",
        },
        nasdaqSessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "nasdaq_sid",
          description:
            "The Nasdaq applications' own session (the Two-Factor Authentication window), apart " +
            "from the Okta dashboard's; the same cookie rules as the session's. Set by " +
            "POST /api/nasdaq/login, ended by DELETE /api/nasdaq/session.",
        },
        bearerAccessToken: {
          type: "http",
          scheme: "bearer",
          description: "An access token from POST /oauth2/token (3600 s), for scripts.",
        },
      },
      headers: {
        SessionCookie: {
          description: `Sent when the request started, replaced or ended the session: ${SESSION_COOKIE_NAME}=<id>; Path=/; SameSite=Strict; HttpOnly (Max-Age=0 when it ends).`,
          schema: { type: "string" },
        },
      },
    },
  };
}
