import { expect, expectAccessible, JANE, test } from "./fixtures";
import { LANGUAGES, translator } from "./translated";

/**
 * Every language, every main screen: the browser's language chooses the display language (the
 * guide: "automatically set by your browser"), and axe must find nothing on any of them.
 */
for (const { locale, lang, strings } of LANGUAGES) {
  const t = translator(strings);
  test.describe(`in ${lang}`, () => {
    test.use({ locale });

    test(`the sign-in, recovery, Nasdaq login, TRAQS, account and API screens pass axe (${lang})`, async ({
      page,
      mock,
    }) => {
      test.slow(); // sixteen screens, each checked by axe
      const screens: string[] = [];
      const check = async (name: string) => {
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectAccessible(page);
        screens.push(name);
      };
      await page.goto("/signin");
      await expect(page.getByRole("heading", { name: t("signIn.title"), level: 1 })).toBeVisible();
      await check("sign in");
      for (const path of [
        "/signin/unlock",
        "/signin/forgot-password",
        "/help",
        "/dev/inbox",
        "/nasdaq/login?app=q-port", // the Nasdaq "Two-Factor Authentication" window
      ]) {
        await page.goto(path);
        await check(path);
      }

      await page.goto("/signin");
      const password = page.getByLabel(t("signIn.password.label"), { exact: true });
      const code = page.getByLabel(t("common.enterCode"));
      const traqsUsername = page.getByLabel(t("traqs.usernameLabel"), { exact: true });
      await page.getByLabel(t("signIn.username")).fill(JANE.username);
      await page.getByRole("button", { name: t("signIn.next") }).click();
      await expect(password).toBeVisible();
      await check("password");
      await password.fill(JANE.password);
      await page.getByRole("button", { name: t("common.verify"), exact: true }).click();
      await expect(code).toBeVisible();
      await check("authenticator code");
      await code.fill(await mock.totp(JANE.totpKey));
      await page.getByRole("button", { name: t("common.verify"), exact: true }).click();
      await expect(traqsUsername).toBeVisible();
      await check("choose username");
      await traqsUsername.selectOption("JDOE01");
      await page.getByRole("button", { name: t("common.select") }).click();
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
      expect(screens).toHaveLength(16);
    });
  });
}
