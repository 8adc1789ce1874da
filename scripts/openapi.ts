import { writeFileSync } from "node:fs";
import { openApiDocument } from "../src/api/openapi";

/** `npm run openapi`: writes the contract's OpenAPI document (decision 023). */
export const OPENAPI_FILE = "docs/openapi.json";
export const openApiText = () => `${JSON.stringify(openApiDocument(), null, 2)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(OPENAPI_FILE, openApiText());
  console.log(`Wrote ${OPENAPI_FILE}`);
}
