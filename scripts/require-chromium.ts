import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumExecutable, fullChromiumExecutable } from "./chromium";

/**
 * The browser a command needs: the end-to-end tests any Chromium (the headless shell first),
 * `npm run bench` the full one (`--full`). Playwright's own browser serves either where installed.
 */
export function findBrowser(full = false): string | null {
  const system = full ? fullChromiumExecutable() : chromiumExecutable();
  if (system) return system;
  const bundled = chromium.executablePath();
  return bundled && existsSync(bundled) ? bundled : null;
}

/** Stops with one clear line when no browser can run the command: what to install. */
export function requireBrowser(full = false): void {
  if (findBrowser(full)) return;
  const [what, pkg] = full
    ? ["the bench", "chromium"]
    : ["the end-to-end tests", "chromium-headless-shell"];
  console.error(
    `No Chromium found for ${what}: install it with \`sudo apt-get install -y ${pkg}\` (or set CHROMIUM_PATH to a Chromium binary), then run the command again.`,
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`)
  requireBrowser(process.argv.includes("--full"));
