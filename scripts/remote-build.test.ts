import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { setPriority, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerMatches, seedState } from "../mocks/db/seed";
import { secretMatches } from "../mocks/rules/crypto";

/**
 * A build for a real backend carries no mock (SECURITY 42, decision 013): it is built here as it
 * would be deployed, and every file it writes is searched.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** What only the mock and the development tools contain. */
const MOCK_MARKERS = [
  "__dev", // the development inbox's and clock's requests
  "mockServiceWorker", // the in-page mock's service worker, started by mocks/browser.ts
  "common.devInbox", // the link to the development inbox under every sign-in screen
];

/**
 * The seeded passwords, security answers and authenticator keys: every string written in
 * mocks/db/seed.ts that the seeded accounts hold as a key or whose hash they hold, so that a new
 * seeded account is searched for too.
 */
async function seededSecrets(): Promise<string[]> {
  const { users } = await seedState(Date.now());
  const source = await readFile(join(ROOT, "mocks", "db", "seed.ts"), "utf8");
  const written = new Set([...source.matchAll(/"((?:[^"\\]|\\.)+)"/g)].map((match) => match[1]!));
  const found = new Set<string>();
  for (const user of users) {
    for (const method of user.methods) if ("secret" in method) found.add(method.secret);
    for (const text of written) {
      const answer = user.securityQuestion?.answer;
      if (user.password && (await secretMatches(text, user.password))) found.add(text);
      if (answer && (await answerMatches(text, answer))) found.add(text);
    }
  }
  return [...found];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every file under a folder, by its path within it. Compressed copies (.br, .gz) are left out. */
async function textFiles(folder: string): Promise<Map<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.isFile() || /\.(br|gz)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(folder, path), await readFile(path, "utf8"));
  }
  return files;
}

/** `vite build` for a real backend, at low priority beside the other tests. */
async function buildForRemote(outDir: string): Promise<void> {
  const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
  const args = [vite, "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, VITE_BACKEND: "remote", VITE_API_BASE_URL: "https://example.invalid" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  if (child.pid) setPriority(child.pid, 10);
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`vite build exited with ${code}:\n${errors}`);
}

describe("A build for a real backend (VITE_BACKEND=remote)", () => {
  let outDir = "";
  let files = new Map<string, string>();

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), "traqs-remote-build-"));
    await buildForRemote(outDir);
    files = await textFiles(outDir);
  }, 180_000);
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it("is the app: its first page and the pages after sign-in", () => {
    expect(files.has("index.html")).toBe(true);
    expect(files.has("settings.html")).toBe(true);
  });

  it("has no mock service worker, development inbox page or mock module", async () => {
    expect(existsSync(join(outDir, "mockServiceWorker.js"))).toBe(false);
    expect([...files.keys()].filter((path) => /(^|[\\/])dev[\\/]|DevInbox/.test(path))).toEqual([]);
    // The manifest names the module behind each page and each file loaded on demand.
    const manifest = JSON.parse(files.get(join(".vite", "manifest.json")) ?? "{}") as object;
    const modules = Object.keys(manifest);
    expect(modules).toContain("src/features/account/routes/SettingsPage.tsx");
    expect(modules.filter((module) => /^mocks\/|dev-inbox/.test(module))).toEqual([]);
  });

  it("contains no development-only code: inbox, clock, link to the inbox, service worker", () => {
    const found = [...files].flatMap(([path, text]) =>
      MOCK_MARKERS.filter((marker) => text.includes(marker)).map(
        (marker) => `${marker} in ${path}`,
      ),
    );
    expect(found).toEqual([]);
  });

  it("contains no seeded password, security answer or authenticator key", async () => {
    const secrets = await seededSecrets();
    // Jane's and Sam's password (one), their answers and their keys.
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    const found = [...files].flatMap(([path, text]) =>
      secrets
        .filter((secret) => new RegExp(`\\b${escapeRegExp(secret)}\\b`).test(text))
        .map((secret) => `${secret} in ${path}`),
    );
    expect(found).toEqual([]);
  });
});
