import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { FIRST_PAGE_AT_IDLE_BUDGET_BYTES, FIRST_PAGE_BUDGET_BYTES } from "../scripts/size-budget";
import { expect, test } from "./fixtures";

// What a browser fetches for the sign-in page, from the build against the local server (issue 19,
// decision 031): the first files, then what it loads at idle, until the network is quiet.
test("The sign-in page loads at most 115 KiB of JavaScript and CSS (gzip) until the network is idle", async ({
  page,
}) => {
  const files = new Set<string>();
  page.on("response", (response) => {
    const { pathname } = new URL(response.url());
    if (/\.(js|css)$/.test(pathname)) files.add(pathname);
  });
  await page.goto("/signin");
  // The passkey button is the page's last part to load (with its WebAuthn library).
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toBeEnabled();
  await expect(page.getByRole("button", { name: "Next" })).toBeEnabled();
  await page.waitForLoadState("networkidle");

  const gzip = (file: string) => gzipSync(readFileSync(`dist-server${file}`), { level: 9 }).length;
  const sizes = [...files].map((file) => ({ file, bytes: gzip(file) }));
  const total = sizes.reduce((sum, { bytes }) => sum + bytes, 0);
  // The list of files in the failure message says what grew.
  expect(total, sizes.map(({ file, bytes }) => `${file}: ${bytes}`).join(", ")).toBeLessThanOrEqual(
    FIRST_PAGE_AT_IDLE_BUDGET_BYTES,
  );
  // The measure saw the first files (`npm run size` holds them to their own budget).
  expect(total).toBeGreaterThan(FIRST_PAGE_BUDGET_BYTES / 2);
});
