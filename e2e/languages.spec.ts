import { expect, expectAccessible, JANE, test } from "./fixtures";

/**
 * Every language, every main screen: the browser's language chooses the display language (the
 * guide: "automatically set by your browser"), and axe must find nothing on any of them.
 */
const LANGUAGES = [
  { locale: "es-ES", lang: "es", signIn: "Iniciar sesión" },
  { locale: "fr-FR", lang: "fr", signIn: "Se connecter" },
];

for (const { locale, lang, signIn } of LANGUAGES) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale });

    test(`the sign-in, recovery, TRAQS, account and API screens pass axe (${lang})`, async ({
      page,
      mock,
    }) => {
      const screens: string[] = [];
      const check = async (name: string) => {
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectAccessible(page);
        screens.push(name);
      };
      await page.goto("/signin");
      await expect(page.getByRole("heading", { name: signIn, level: 1 })).toBeVisible();
      await check("sign in");
      for (const path of ["/signin/unlock", "/signin/forgot-password", "/help", "/dev/inbox"]) {
        await page.goto(path);
        await check(path);
      }

      await page.goto("/signin");
      await page.locator('input[autocomplete="username"]').fill(JANE.username);
      await page.locator('form button[type="submit"]').click();
      await expect(page.locator('input[autocomplete="current-password"]')).toBeVisible();
      await check("password");
      await page.locator('input[autocomplete="current-password"]').fill(JANE.password);
      await page.locator('form button[type="submit"]').click();
      await expect(page.locator('input[autocomplete="one-time-code"]')).toBeVisible();
      await check("authenticator code");
      await page.locator('input[autocomplete="one-time-code"]').fill(await mock.totp(JANE.totpKey));
      await page.locator('form button[type="submit"]').click();
      await expect(page.locator("select#traqs-username")).toBeVisible();
      await check("choose username");
      await page.locator("select#traqs-username").selectOption("JDOE01");
      await page.locator('form button[type="submit"]').click();
      await expect(page.getByRole("navigation").first()).toBeVisible();

      for (const path of [
        "/traqs",
        "/traqs/api/download/manual",
        "/traqs/api/download/programmatic",
        "/app",
        "/preferences",
        "/activity",
        "/settings",
      ]) {
        await page.goto(path);
        await check(path);
      }
      expect(screens).toHaveLength(15);
    });
  });
}
