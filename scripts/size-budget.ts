import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { AFTER_FIRST_PAINT } from "./route-pages.ts";

/**
 * The size budget: the JavaScript and CSS the sign-in page loads first (its first script, the
 * entry and its static imports, not the chunks loaded later), gzip. Run after `vite build`.
 */
/** Issue 19's target; 99.8 kB reached without the query cache before sign-in (decision 031). */
export const FIRST_PAGE_BUDGET_BYTES = 100_000;

/**
 * What the sign-in page fetches until the network is idle (the first files, the passkey button and
 * its WebAuthn library), JavaScript and CSS, gzip: issue 19's 115 KiB. Checked by a browser
 * loading the page (e2e/first-load.server.spec.ts); 102.8 KiB reached (decision 031).
 */
export const FIRST_PAGE_AT_IDLE_BUDGET_BYTES = 115 * 1024;

type ManifestChunk = {
  file: string;
  css?: string[];
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
};
type Manifest = Record<string, ManifestChunk>;

/**
 * The files the first page loads before it is interactive: the app's entry, what it imports, and
 * their CSS (its first script is an asset of its own, decision 033).
 */
export function firstPageFiles(manifest: Manifest, entries = ["index.html"]): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.css?.forEach((css) => files.add(css));
    chunk.imports?.forEach(visit);
  };
  entries.forEach(visit);
  return [...files];
}

export function gzipSize(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // The build to measure: dist, or the folder named (`tsx scripts/size-budget.ts dist-x`).
  const dist = process.argv[2] ?? "dist";
  const manifest = JSON.parse(readFileSync(`${dist}/.vite/manifest.json`, "utf8")) as Manifest;
  // A prerendered page's first script (decision 033), an asset the manifest does not list.
  const [stem] = AFTER_FIRST_PAINT.name.split(".");
  const firstScript = readdirSync(`${dist}/assets`)
    .filter((file) => file.startsWith(`${stem}-`) && file.endsWith(".js"))
    .map((file) => `assets/${file}`);
  const files = [...firstScript, ...firstPageFiles(manifest)];
  let total = 0;
  for (const file of files) {
    const size = gzipSize(`${dist}/${file}`);
    total += size;
    console.log(`${(size / 1000).toFixed(1).padStart(7)} kB  ${file}`);
  }
  // Areas other than sign-in, and the mock backend, must not be in the first load.
  const mustBeLazy = [
    "mocks/browser.ts",
    "src/features/dev-inbox/DevInboxPage.tsx",
    "src/features/home/HomePage.tsx",
    "src/features/traqs/TraqsPage.tsx",
  ];
  const eager = mustBeLazy.filter((key) => manifest[key] && files.includes(manifest[key].file));
  console.log(
    `${(total / 1000).toFixed(1).padStart(7)} kB  first page total, gzip (budget ${FIRST_PAGE_BUDGET_BYTES / 1000} kB)`,
  );
  if (eager.length)
    console.error(`Loaded with the first page but should load later: ${eager.join(", ")}`);
  if (total > FIRST_PAGE_BUDGET_BYTES)
    console.error(`Over budget by ${((total - FIRST_PAGE_BUDGET_BYTES) / 1000).toFixed(1)} kB`);
  process.exit(total > FIRST_PAGE_BUDGET_BYTES || eager.length ? 1 : 0);
}
