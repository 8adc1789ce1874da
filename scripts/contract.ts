import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createMockServer } from "../mocks/server";
import { runSuite } from "./contract/suite";

/**
 * `npm run test:contract -- --base-url URL`: the conformance suite against a backend (docs/backend.md).
 * Without --base-url it starts the local mock server in this process and runs against that.
 * --namespace: the X-Mock-Namespace to use (default: a new one, so a shared mock server's other
 * users are not disturbed); --report FILE: the counts as JSON, for `npm test`.
 */
const { values } = parseArgs({
  options: {
    "base-url": { type: "string" },
    namespace: { type: "string" },
    report: { type: "string" },
  },
});

const local = values["base-url"] ? null : createMockServer();
if (local) await new Promise<void>((resolve) => local.listen(0, "127.0.0.1", resolve));
const baseUrl = values["base-url"] ?? `http://127.0.0.1:${(local?.address() as AddressInfo).port}`;
const namespace = values.namespace ?? `contract-${randomBytes(6).toString("hex")}`;

console.log(`Conformance suite against ${baseUrl} (namespace ${namespace})`);
const { results, uncalled } = await runSuite(baseUrl, { namespace });
for (const result of results) {
  const label = { passed: "PASS   ", failed: "FAIL   ", skipped: "SKIPPED" }[result.status];
  console.log(`${label} ${result.name}${result.message ? `: ${result.message}` : ""}`);
}
if (uncalled.length) console.log(`\nNot exercised by any flow:\n  ${uncalled.join("\n  ")}`);
const count = (status: string) => results.filter((r) => r.status === status).length;
const counts = { passed: count("passed"), failed: count("failed"), skipped: count("skipped") };
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
if (values.report) writeFileSync(values.report, JSON.stringify(counts));
local?.close();
process.exit(counts.failed > 0 ? 1 : 0);
