import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumExecutable } from "./chromium";

/** Stops with one clear line when no browser can run the end-to-end tests. */
export function findBrowser(): string | null {
  const system = chromiumExecutable();
  if (system) return system;
  const bundled = chromium.executablePath();
  return bundled && existsSync(bundled) ? bundled : null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!findBrowser()) {
    console.error(
      "No Chromium found for the end-to-end tests: install it with `sudo apt-get install -y chromium-headless-shell` (or set CHROMIUM_PATH to a Chromium binary), then run `npm test` again.",
    );
    process.exit(1);
  }
}
