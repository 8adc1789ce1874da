import type { Page } from "@playwright/test";
import { expect, signInAsJdoe01, test } from "./fixtures";

/** The page's layout shifts so far, not caused by the user (Cumulative Layout Shift). */
function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((entries) => {
          for (const entry of entries.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
        // Buffered entries arrive in the observer's first callback, queued right away.
        setTimeout(() => resolve(total), 200);
      }),
  );
}

test("Settings opened by its address goes from “Loading…” to “Verify it's you” without moving anything", async ({
  page,
  mock,
}) => {
  await signInAsJdoe01(page, mock);
  await page.goto("/settings");
  await expect(
    page.getByRole("heading", { name: "Verify it's you with a security method" }),
  ).toBeVisible();
  expect(await layoutShift(page)).toBe(0);
});
