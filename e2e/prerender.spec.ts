import type { Page } from "@playwright/test";
import { expect, JANE, layoutShift, test } from "./fixtures";
import { LANGUAGES, translator } from "./translated";

/**
 * The build writes each page's first screen into its HTML (decision 025): it shows before any
 * JavaScript has run, and the app takes it over in place.
 */

/**
 * Holds back the app's first file until `release` is called: the page is HTML and CSS only. Fails
 * the test on any error in the page (a screen that differs from its prerender is one).
 */
async function withoutJavaScriptUntilReleased(page: Page): Promise<() => void> {
  page.on("pageerror", (error) => expect.soft(error.message, "an error in the page").toBe(""));
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/**
 * Until the app has started once its first file is let through: the file, then the in-page mock
 * (its own large chunk), then the passkey button's chunk, all from that moment.
 */
const STARTED = { timeout: 30_000 };

test("Sign In shows its form before JavaScript runs; a username typed then is kept, and Next works once the app has started", async ({
  page,
}) => {
  const release = await withoutJavaScriptUntilReleased(page);
  await page.goto("/signin", { waitUntil: "commit" });
  await expect(page.getByRole("heading", { name: "Sign In", level: 1 })).toBeVisible();
  const username = page.getByLabel("Username (email address)");
  await username.fill(JANE.username);
  // Still HTML only: the passkey button is the app's, and waits for it.
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toBeDisabled();

  release();
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toBeEnabled(STARTED);
  await expect(username).toHaveValue(JANE.username);
  expect(await layoutShift(page)).toBe(0);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Verify with your password" })).toBeVisible();
  await expect(page.getByText(JANE.username)).toBeVisible();
});

for (const { locale, lang, strings } of LANGUAGES) {
  const t = translator(strings);
  test.describe(`in ${lang}`, () => {
    test.use({ locale });

    test(`a browser in ${lang} gets Sign In in ${lang} before JavaScript runs, and never English`, async ({
      page,
    }) => {
      const english: string[] = [];
      const release = await withoutJavaScriptUntilReleased(page);
      await page.goto("/signin", { waitUntil: "commit" });
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.getByRole("heading", { name: t("signIn.title"), level: 1 })).toBeVisible();
      // From here to the started app, watch for the English heading in every frame.
      await page.evaluate(() => {
        const seen = ((window as unknown as { english: string[] }).english = [] as string[]);
        new MutationObserver(() => {
          if (document.querySelector("h1")?.textContent === "Sign In") seen.push("Sign In");
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      release();
      await expect(page.getByRole("button", { name: t("signIn.withPasskey") })).toBeEnabled(
        STARTED,
      );
      await expect(page.getByRole("heading", { name: t("signIn.title"), level: 1 })).toBeVisible();
      english.push(
        ...(await page.evaluate(() => (window as unknown as { english: string[] }).english)),
      );
      expect(english).toEqual([]);
      expect(await layoutShift(page)).toBe(0);
    });
  });
}
