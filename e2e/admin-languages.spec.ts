import { expect, expectAccessible, PAT, test } from "./fixtures";
import { LANGUAGES, translator } from "./translated";

/**
 * Every Administration screen in Spanish and French (the browser's language): Users, a user, the
 * reason dialog, "Verify it's you" for a change, the Order Form, the audit log and the firm. Each
 * is reached for real by its translated words; `<html lang>`, its heading and axe are checked.
 */
for (const { locale, lang, strings } of LANGUAGES) {
  const t = translator(strings);
  test.describe(`in ${lang}`, () => {
    test.use({ locale });

    test(`the Administration screens pass axe (${lang})`, async ({ page, mock }) => {
      test.slow(); // eight screens, each checked by axe
      const check = async (heading: string) => {
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
        await expect(page.getByText(t("common.loading"))).toHaveCount(0);
        await expectAccessible(page);
      };
      await page.goto("/signin");
      await page.getByLabel(t("signIn.username")).fill(PAT.username);
      await page.getByRole("button", { name: t("signIn.next") }).click();
      await page.getByLabel(t("signIn.password.label"), { exact: true }).fill(PAT.password);
      await page.getByRole("button", { name: t("common.verify"), exact: true }).click();
      await page.getByLabel(t("common.enterCode")).fill(await mock.totp(PAT.totpKey));
      await page.getByRole("button", { name: t("common.verify"), exact: true }).click();
      await expect(page).not.toHaveURL(/\/signin/);

      // My Apps shows Administration to an administrator.
      await page.goto("/app");
      await page.getByRole("link", { name: t("home.administrationTile") }).click();
      await check(t("admin.users.title"));
      await page.getByRole("searchbox", { name: t("admin.users.search") }).fill("Jane");
      await page.getByRole("button", { name: t("admin.users.searchButton"), exact: true }).click();
      await page.getByRole("table").getByRole("link", { name: "Jane Doe" }).click();
      await check("Jane Doe");
      await page.getByRole("button", { name: t("admin.actions.signOutEverywhere") }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await check("Jane Doe");
      await page.getByRole("dialog").getByLabel(t("admin.reason")).fill("Prueba / test");
      await page
        .getByRole("dialog")
        .getByRole("button", { name: t("admin.continue") })
        .click();
      await check(t("signIn.password.title"));

      for (const [path, heading] of [
        ["/admin/order-form", t("admin.orderForm.title")],
        ["/admin/audit-log", t("admin.audit.title")],
        ["/admin/firm", t("admin.firm.title")],
      ] as const) {
        await page.goto(path);
        await check(heading);
      }
    });
  });
}
