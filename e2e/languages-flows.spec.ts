import type { Locator, Page } from "@playwright/test";
import {
  expect,
  expectAccessible,
  janesNextCode,
  JANE,
  JOHN,
  openFromMainMenu,
  test,
  type MockBackend,
} from "./fixtures";
import { LANGUAGES, translator, type Strings, type Translate } from "./translated";

/**
 * The screens languages.spec.ts does not reach, in Spanish and French (the browser's language):
 * every enrollment step, the confirm dialogs, the TRAQS username switch, the recovery steps after
 * the email, and field errors. Each screen is reached for real, then `<html lang>`, its level-1
 * heading (by its translated name) and axe are checked. Elements are found by role or label,
 * with the texts of src/i18n/locales/{es,fr}.json.
 */

/** Checks a screen: the page's language, its level-1 heading, and no axe violation. */
function screens(page: Page, lang: string) {
  const checked: string[] = [];
  const check = async (name: string, heading: string) => {
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
    await expectAccessible(page);
    checked.push(name);
  };
  return { check, checked };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A field refused in the form: marked invalid, the message shown and tied to it. */
async function expectFieldError(field: Locator, message: string) {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(new RegExp(escape(message)));
}

const JANE_PHONE = "+1 XXX-XXX-0143";

/** The "Set up <method>" link of Set up security methods, within `scope` (the page or a region). */
function setUpLink(scope: Page | Locator, t: Translate, method: string) {
  return scope.getByRole("link", {
    name: t("enroll.setUpMethod", { name: t(`methods.${method}`) }),
  });
}

/** The "<method> is set up." status shown back on the list. */
function setUpDone(page: Page, t: Translate, method: string) {
  return page
    .getByRole("status")
    .filter({ hasText: t("enroll.setUpDone", { method: t(`methods.${method}`) }) });
}

/** John opens the "Activate Okta Account" link from his invitation email. */
async function activateJohn(page: Page, mock: MockBackend, t: Translate) {
  await page.goto("/signin");
  // The app renders once its in-page mock has started: only then does /__dev answer.
  await expect(page.getByRole("heading", { level: 1, name: t("signIn.title") })).toBeVisible();
  const invitation = await mock.latest("email", JOHN.username);
  await page.goto(invitation.link ?? "");
  await expect(page.getByRole("heading", { level: 1, name: t("enroll.title") })).toBeVisible();
  await expect(page).toHaveURL(/\/enroll$/);
}

/** John's required password and security question, without checks (the first test checks them). */
async function setUpRequiredMethods(page: Page, t: Translate) {
  await setUpLink(page, t, "password").click();
  await page.getByLabel(t("enroll.password.enter"), { exact: true }).fill(JOHN.password);
  await page.getByLabel(t("enroll.password.reenter"), { exact: true }).fill(JOHN.password);
  await page.getByRole("button", { name: t("signIn.next") }).click();
  await setUpLink(page, t, "securityQuestion").click();
  await page
    .getByRole("combobox", { name: t("enroll.question.choose") })
    .selectOption({ label: "What is the name of your first stuffed animal?" });
  await page.getByLabel(t("enroll.question.answer"), { exact: true }).fill("Rex the bear");
  await page.getByRole("button", { name: t("common.verify") }).click();
  await expect(setUpDone(page, t, "securityQuestion")).toBeVisible();
}

/** Jane signs in with her password and authenticator and chooses JDOE01: she is in TRAQS. */
async function signInAsJdoe01(page: Page, mock: MockBackend, t: Translate) {
  await page.goto("/signin");
  await page.getByLabel(t("signIn.username")).fill(JANE.username);
  await page.getByRole("button", { name: t("signIn.next") }).click();
  await page.getByLabel(t("signIn.password.label"), { exact: true }).fill(JANE.password);
  await page.getByRole("button", { name: t("common.verify"), exact: true }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: t("signIn.verify.googleTitle") }),
  ).toBeVisible();
  await page.getByLabel(t("common.enterCode")).fill(await janesNextCode(mock));
  await page.getByRole("button", { name: t("common.verify"), exact: true }).click();
  await page.getByLabel(t("traqs.usernameLabel"), { exact: true }).selectOption("JDOE01");
  await page.getByRole("button", { name: t("common.select") }).click();
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: t("traqs.usingCredentials", { username: "JDOE01" }) }),
  ).toBeVisible();
}

/** Five wrong passwords for Jane: the fifth locks her account (FINRA's setting). */
async function lockJane(page: Page, t: Translate, strings: Strings) {
  await page.goto("/signin");
  await page.getByLabel(t("signIn.username")).fill(JANE.username);
  await page.getByRole("button", { name: t("signIn.next") }).click();
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page
      .getByLabel(t("signIn.password.label"), { exact: true })
      .fill(`Wrong-Passw0rd-${attempt}`);
    await page.getByRole("button", { name: t("common.verify"), exact: true }).click();
    await expect(page.getByRole("alert")).toContainText(
      attempt < 5
        ? t("errors.INVALID_CREDENTIALS")
        : (strings.errors.ACCOUNT_LOCKED.split("{{")[0] ?? ""),
    );
  }
}

/**
 * On "Unlock account?" or "Forgot password?" (already open): the username, then "Get a
 * verification email", then "Verify with your email".
 */
async function startRecovery(
  page: Page,
  t: Translate,
  kind: "unlock" | "reset",
  check?: (name: string, heading: string) => Promise<void>,
) {
  const unlock = kind === "unlock";
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: t(unlock ? "recovery.unlockTitle" : "recovery.resetTitle"),
    }),
  ).toBeVisible();
  const submit = page.getByRole("button", { name: t(unlock ? "common.select" : "signIn.next") });
  const username = page.getByLabel(t("signIn.username"));
  if (check) {
    // Error state: Select with no username.
    await submit.click();
    await expectFieldError(username, t("validation.required"));
    await expect(username).toBeFocused();
    await check("unlock: empty username refused", t("recovery.unlockTitle"));
  }
  await username.fill(JANE.username);
  await submit.click();
  await expect(
    page.getByRole("heading", { level: 1, name: t("recovery.getEmailTitle") }),
  ).toBeVisible();
  await check?.("get a verification email", t("recovery.getEmailTitle"));
  await page.getByRole("button", { name: t("recovery.sendEmail") }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: t("recovery.verifyEmailTitle") }),
  ).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: t("recovery.sentText") })).toBeVisible();
}

/**
 * Each flow runs in one language, the languages in turn: every screen is reached in one of them.
 * The same keys in every language are the locale files' unit test (src/i18n), and languages.spec.ts
 * opens the screens reached by address in each (decision 032).
 */
const inTurn = (flow: number, language: number) => flow % LANGUAGES.length === language;

for (const [language, { locale, lang, strings }] of LANGUAGES.entries()) {
  const t = translator(strings);

  test.describe(`in ${lang}`, () => {
    test.use({ locale });

    if (inTurn(0, language))
      test(`enrollment: the list, password and security question, with their field errors, pass axe (${lang})`, async ({
        page,
        mock,
      }) => {
        const { check, checked } = screens(page, lang);
        await activateJohn(page, mock, t);
        const required = page.getByRole("region", { name: t("enroll.required") });
        await expect(setUpLink(required, t, "password")).toBeVisible();
        await check("set up security methods", t("enroll.title"));

        // Password: an empty form, then a refused password, then a good one.
        await setUpLink(required, t, "password").click();
        await expect(
          page.getByRole("list", { name: t("enroll.password.requirements") }),
        ).toBeVisible();
        await check("set up password", t("enroll.password.title"));
        const enter = page.getByLabel(t("enroll.password.enter"), { exact: true });
        const reenter = page.getByLabel(t("enroll.password.reenter"), { exact: true });
        await page.getByRole("button", { name: t("signIn.next") }).click();
        await expectFieldError(enter, t("validation.required"));
        await expectFieldError(reenter, t("validation.required"));
        await check("set up password: empty fields refused", t("enroll.password.title"));
        await enter.fill("Sh0rt-Pw");
        await reenter.fill("Sh0rt-Pw");
        await page.getByRole("button", { name: t("signIn.next") }).click();
        await expect(page.getByRole("alert")).toContainText(
          t("passwordRules.minLength", { count: 12 }),
        );
        await check("set up password: requirements not met", t("enroll.password.title"));
        await enter.fill(JOHN.password);
        await reenter.fill(JOHN.password);
        await page.getByRole("button", { name: t("signIn.next") }).click();
        await expect(setUpDone(page, t, "password")).toBeVisible();
        await expect(page.getByRole("region", { name: t("enroll.done") })).toContainText(
          t("methods.password"),
        );
        await check("set up security methods: password set up", t("enroll.title"));

        // Security question: the list starts on its first question; an empty question of one's own
        // and an empty answer are refused; then a question and an answer.
        await setUpLink(page, t, "securityQuestion").click();
        const question = page.getByRole("combobox", { name: t("enroll.question.choose") });
        await expect(question).toHaveValue("What is the food you least liked as a child?");
        await check("set up security question", t("enroll.question.title"));
        const answer = page.getByLabel(t("enroll.question.answer"), { exact: true });
        await page.getByRole("radio", { name: t("enroll.question.createOwn") }).check();
        const own = page.getByRole("textbox", { name: t("enroll.question.createOwn") });
        await expect(own).toBeVisible();
        await check("set up security question: my own question", t("enroll.question.title"));
        await page.getByRole("button", { name: t("common.verify") }).click();
        await expectFieldError(own, t("validation.chooseQuestion"));
        await expectFieldError(answer, t("validation.answerTooShort"));
        await check("set up security question: empty fields refused", t("enroll.question.title"));
        await page.getByRole("radio", { name: t("enroll.question.choose") }).check();
        await question.selectOption({ label: "What is the name of your first stuffed animal?" });
        await answer.fill("Rex the bear");
        await page.getByRole("button", { name: t("common.verify") }).click();
        await expect(setUpDone(page, t, "securityQuestion")).toBeVisible();

        expect(checked).toHaveLength(8);
      });

    if (inTurn(1, language))
      test(`enrollment: Google Authenticator, its code and the list ready to finish pass axe (${lang})`, async ({
        page,
        mock,
      }) => {
        const { check, checked } = screens(page, lang);
        await activateJohn(page, mock, t);
        await setUpRequiredMethods(page, t);

        // Google Authenticator: the QR code, "Can't scan?", then the code.
        await setUpLink(page, t, "googleAuthenticator").click();
        await expect(
          page.getByRole("heading", { level: 2, name: t("enroll.google.scan") }),
        ).toBeVisible();
        await expect(page.getByRole("img", { name: t("enroll.google.qrLabel") })).toBeVisible();
        await check("Google Authenticator: QR code", t("enroll.google.title"));
        const cantScan = page.getByRole("button", { name: t("enroll.cantScan") });
        await cantScan.click();
        await expect(cantScan).toHaveAttribute("aria-expanded", "true");
        await expect(page.getByText(t("enroll.google.keyHint"))).toBeVisible();
        await expect(page.getByRole("button", { name: t("enroll.copyKey") })).toBeVisible();
        await check("Google Authenticator: Can't scan? opened", t("enroll.google.title"));
        const uri =
          (await page
            .getByRole("link", { name: t("enroll.google.openInApp") })
            .getAttribute("href")) ?? "";
        const key = new URL(uri).searchParams.get("secret") ?? "";
        expect(key).toMatch(/^[A-Z2-7]{32}$/);
        // "Can't scan?" shows the same key, in groups of four.
        await expect(page.getByText((key.match(/.{4}/g) ?? []).join(" "))).toBeVisible();
        await page.getByRole("link", { name: t("signIn.next") }).click();
        await expect(page.getByText(t("enroll.google.enterCodeHint"))).toBeVisible();
        await check("Google Authenticator: enter code", t("enroll.google.title"));
        await page.getByLabel(t("common.enterCode")).fill("000000");
        await page.getByRole("button", { name: t("common.verify") }).click();
        await expect(page.getByRole("alert")).toContainText(t("errors.INVALID_CODE"));
        await check("Google Authenticator: wrong code refused", t("enroll.google.title"));
        await page.getByLabel(t("common.enterCode")).fill(await mock.totp(key));
        await page.getByRole("button", { name: t("common.verify") }).click();
        await expect(setUpDone(page, t, "googleAuthenticator")).toBeVisible();
        await expect(page.getByRole("button", { name: t("enroll.setUpLater") })).toBeVisible();
        await check("set up security methods: ready to finish", t("enroll.title"));

        // Recovery codes, offered once the required methods are set up: not without "saved".
        await setUpLink(page, t, "recoveryCodes").click();
        const codes = page.getByRole("list", { name: t("recoveryCodes.listLabel") });
        await expect(codes.getByRole("listitem")).toHaveCount(10);
        await check("recovery codes", t("recoveryCodes.title"));
        await page.getByRole("button", { name: t("recoveryCodes.continue") }).click();
        await expectFieldError(
          page.getByLabel(t("recoveryCodes.saved")),
          t("recoveryCodes.confirmSaved"),
        );
        await check("recovery codes: not confirmed saved", t("recoveryCodes.title"));
        await page.getByLabel(t("recoveryCodes.saved")).check();
        await page.getByRole("button", { name: t("recoveryCodes.continue") }).click();
        await expect(page.getByText(t("recoveryCodes.left_other", { count: 10 }))).toBeVisible();
        await check("set up security methods: recovery codes saved", t("enroll.title"));

        expect(checked).toHaveLength(8);
      });

    if (inTurn(2, language))
      test(`enrollment: Okta Verify, phone and the finished state pass axe (${lang})`, async ({
        page,
        mock,
      }) => {
        const { check, checked } = screens(page, lang);
        await activateJohn(page, mock, t);
        await setUpRequiredMethods(page, t);

        // Okta Verify: the QR code, "Can't scan?", then back to the list.
        await setUpLink(page, t, "oktaVerify").click();
        await expect(page.getByRole("img", { name: t("enroll.okta.qrLabel") })).toBeVisible();
        await expect(page.getByText(t("enroll.okta.waiting"))).toBeVisible();
        await expect(page.getByText(t("enroll.okta.iphoneNote"))).toBeVisible();
        await check("Okta Verify: QR code", t("enroll.okta.title"));
        await page.getByRole("button", { name: t("enroll.cantScan") }).click();
        await expect(page.getByText(t("enroll.okta.keyHint"))).toBeVisible();
        await check("Okta Verify: Can't scan? opened", t("enroll.okta.title"));
        await page.getByRole("link", { name: t("enroll.returnToList") }).click();
        await expect(
          page.getByRole("heading", { level: 1, name: t("enroll.title") }),
        ).toBeVisible();

        // Phone: an empty number, the voice form, then an SMS code.
        await setUpLink(page, t, "phone").click();
        const number = page.getByLabel(t("enroll.phone.number"));
        await expect(page.getByLabel(t("enroll.phone.country"))).toHaveValue("US");
        await expect(page.getByText(t("enroll.phone.introSms"))).toBeVisible();
        await check("set up phone", t("enroll.phone.title"));
        await page.getByRole("button", { name: t("phone.receiveSms") }).click();
        await expectFieldError(number, t("validation.required"));
        await check("set up phone: empty number refused", t("enroll.phone.title"));
        await page.getByRole("radio", { name: t("enroll.phone.voice") }).check();
        await expect(page.getByLabel(t("enroll.phone.extension"))).toBeVisible();
        await expect(page.getByRole("button", { name: t("phone.receiveVoice") })).toBeVisible();
        await check("set up phone: voice call", t("enroll.phone.title"));
        await page.getByRole("radio", { name: t("enroll.phone.sms") }).check();
        await number.fill("202-555-0188");
        await page.getByRole("button", { name: t("phone.receiveSms") }).click();
        const sms = await mock.latest("sms", "+12025550188");
        await expect(
          page.getByRole("status").filter({ hasText: t("phone.sentSms") }),
        ).toBeVisible();
        await expect(page.getByText(t("phone.notReceivedSms"))).toBeVisible();
        await expect(page.getByRole("button", { name: t("phone.sendAgain") })).toBeDisabled();
        await check("set up phone: enter code", t("enroll.phone.title"));
        await page.getByLabel(t("phone.enterCode")).fill(sms.code ?? "");
        await page.getByRole("button", { name: t("common.verify") }).click();
        await expect(setUpDone(page, t, "phone")).toBeVisible();
        await expect(page.getByRole("region", { name: t("enroll.done") })).toContainText(
          "+1 XXX-XXX-0188",
        );
        await check("set up security methods: phone set up", t("enroll.title"));

        // Finished: "Set up later" leads into TRAQS as JSMITH01.
        await page.getByRole("button", { name: t("enroll.setUpLater") }).click();
        await expect(
          page
            .getByRole("status")
            .filter({ hasText: t("traqs.usingCredentials", { username: "JSMITH01" }) }),
        ).toBeVisible();
        await check("enrollment finished: in TRAQS", t("traqs.title"));

        expect(checked).toHaveLength(8);
      });

    if (inTurn(3, language))
      test(`Settings: the Remove and Reset Password confirm dialogs pass axe (${lang})`, async ({
        page,
        mock,
      }) => {
        const { check, checked } = screens(page, lang);
        await signInAsJdoe01(page, mock, t);
        await page.getByRole("button", { name: "Jane Doe" }).click();
        await page.getByRole("link", { name: t("userMenu.settings") }).click();
        await check("Settings: verify it's you, the list", t("signIn.select.title"));
        await page
          .getByRole("button", {
            name: t("signIn.select.selectMethod", { name: t("methods.googleAuthenticator") }),
          })
          .click();
        await expect(
          page.getByRole("heading", { level: 1, name: t("signIn.verify.googleTitle") }),
        ).toBeVisible();
        await page.getByLabel(t("common.enterCode")).fill(await janesNextCode(mock));
        await page.getByRole("button", { name: t("common.verify"), exact: true }).click();
        const methods = page.getByRole("region", { name: t("account.securityMethods") });
        await expect(methods).toBeVisible();
        await check("Settings, after verifying", t("account.title"));

        const dialog = page.getByRole("dialog");
        const confirms = [
          {
            button: `${t("account.actions.remove")} ${JANE_PHONE}`,
            title: t("account.confirmRemoveTitle", { method: JANE_PHONE }),
            question: t("account.confirmRemove", { method: JANE_PHONE }),
          },
          {
            button: `${t("account.actions.remove")} ${t("methods.securityQuestion")}`,
            title: t("account.confirmRemoveTitle", { method: t("methods.securityQuestion") }),
            question: t("account.confirmRemove", { method: t("methods.securityQuestion") }),
          },
          {
            button: `${t("account.actions.reset")} ${t("methods.password")}`,
            title: t("account.confirmResetTitle", { method: t("methods.password") }),
            question: t("account.confirmReset", { method: t("methods.password") }),
          },
        ];
        for (const confirm of confirms) {
          await methods.getByRole("button", { name: confirm.button, exact: true }).click();
          await expect(page.getByRole("dialog", { name: confirm.title })).toBeVisible();
          await expect(dialog).toContainText(confirm.question);
          await expect(dialog.getByRole("button", { name: t("common.yes") })).toBeVisible();
          await check(`confirm: ${confirm.title}`, t("account.title"));
          await dialog.getByRole("button", { name: t("common.no") }).click();
          await expect(dialog).toHaveCount(0);
          await expect(methods.getByRole("button", { name: confirm.button })).toBeVisible();
        }

        // "Yes" to Reset Password: the password, a method, then the new password; then Cancel.
        await methods
          .getByRole("button", { name: `${t("account.actions.reset")} ${t("methods.password")}` })
          .click();
        await dialog.getByRole("button", { name: t("common.yes") }).click();
        const password = page.getByLabel(t("signIn.password.label"), { exact: true });
        await expect(password).toBeVisible();
        await check("Reset Password: verify with your password", t("signIn.password.title"));
        await password.fill(JANE.password);
        await page.getByRole("button", { name: t("common.verify"), exact: true }).click();
        await expect(
          page.getByRole("heading", { level: 1, name: t("signIn.verify.googleTitle") }),
        ).toBeVisible();
        await page.getByLabel(t("common.enterCode")).fill(await janesNextCode(mock));
        await page.getByRole("button", { name: t("common.verify"), exact: true }).click();
        await expect(
          page.getByRole("checkbox", { name: t("account.resetPassword.signOutOthers") }),
        ).toBeVisible();
        await check("Reset Password: new password", t("account.resetPassword.title"));
        await page
          .getByLabel(t("enroll.password.enter"), { exact: true })
          .fill("Brand-New-Secret-77");
        await page
          .getByLabel(t("enroll.password.reenter"), { exact: true })
          .fill("Brand-New-Secret-78");
        await page.getByRole("button", { name: t("account.resetPassword.submit") }).click();
        await expectFieldError(
          page.getByLabel(t("enroll.password.reenter"), { exact: true }),
          t("validation.passwordsDiffer"),
        );
        await check("Reset Password: passwords differ", t("account.resetPassword.title"));
        await page.getByRole("button", { name: t("common.cancel") }).click();
        await expect(methods).toBeVisible();
        await expect(
          page.getByRole("heading", { level: 1, name: t("account.title") }),
        ).toBeVisible();

        expect(checked).toHaveLength(8);
      });

    if (inTurn(4, language))
      test(`TRAQS: the username switch dialog and Programmatic's Revoke Token confirm pass axe (${lang})`, async ({
        page,
        mock,
      }) => {
        const { check, checked } = screens(page, lang);
        await signInAsJdoe01(page, mock, t);

        // The TRAQS username at the top right opens "Select a different username"; Cancel closes it.
        await page
          .getByRole("button", { name: t("traqs.switchLabel", { username: "JDOE01" }) })
          .click();
        const switchDialog = page.getByRole("dialog", { name: t("traqs.switchTitle") });
        await expect(switchDialog).toBeVisible();
        await expect(
          switchDialog.getByRole("combobox", { name: t("traqs.usernameLabel") }),
        ).toBeVisible();
        await expect(switchDialog.getByText(t("traqs.inactiveNote"))).toBeVisible();
        await check("TRAQS: switch username dialog", t("traqs.title"));
        await switchDialog.getByRole("button", { name: t("common.cancel") }).click();
        await expect(switchDialog).toBeHidden();

        // Programmatic: Get Token (verify it's you), then Revoke Token's confirm, answered No.
        await openFromMainMenu(page, t("traqs.programmatic"), {
          mainMenu: t("traqs.mainMenu"),
          api: t("traqs.api"),
        });
        await expect(page.getByText(t("api.programmatic.noCurrent"))).toBeVisible();
        await page.getByRole("button", { name: t("api.programmatic.getToken") }).click();
        await expect(page.getByLabel(t("common.enterCode"))).toBeVisible();
        await check("Get Token: verify it's you", t("signIn.verify.googleTitle"));
        await page.getByLabel(t("common.enterCode")).fill(await janesNextCode(mock));
        await page.getByRole("button", { name: t("common.verify"), exact: true }).click();
        await expect(
          page.getByRole("status").filter({ hasText: t("api.programmatic.created") }),
        ).toBeVisible();
        const current = page.getByRole("region", { name: t("api.programmatic.current") });
        await expect(current.getByRole("cell", { name: t("api.programmatic.true") })).toBeVisible();
        await check("Programmatic: with a current token", t("api.programmatic.title"));
        const revoke = page.getByRole("button", { name: t("api.programmatic.revokeToken") });
        await revoke.click();
        const confirm = page.getByRole("dialog", { name: t("api.programmatic.revokeToken") });
        await expect(confirm).toContainText(t("api.programmatic.confirmRevoke"));
        await check("Programmatic: Revoke Token confirm", t("api.programmatic.title"));
        await confirm.getByRole("button", { name: t("common.no") }).click();
        await expect(confirm).toHaveCount(0);
        await expect(revoke).toBeEnabled();
        await expect(current.getByRole("cell", { name: t("api.programmatic.true") })).toBeVisible();
        // Get Token with a current token says first that it replaces it.
        await page.getByRole("button", { name: t("api.programmatic.getToken") }).click();
        const replace = page.getByRole("dialog", { name: t("api.programmatic.getToken") });
        await expect(replace).toContainText(t("api.programmatic.confirmReplace"));
        await check("Programmatic: Get Token confirm", t("api.programmatic.title"));
        await replace.getByRole("button", { name: t("common.no") }).click();
        await expect(replace).toHaveCount(0);

        expect(checked).toHaveLength(5);
      });

    if (inTurn(5, language))
      test(`Unlock account: locked out, the email, the code, the security question and the hand-over to sign-in pass axe (${lang})`, async ({
        page,
        mock,
      }) => {
        const { check, checked } = screens(page, lang);
        // Locked out by five wrong passwords: the sign-in says so and offers "Unlock account?".
        await lockJane(page, t, strings);
        await check("sign-in password: account locked", t("signIn.password.title"));
        await page.getByRole("link", { name: t("signIn.unlockAccount") }).click();
        await startRecovery(page, t, "unlock", check);
        await check("verify with your email", t("recovery.verifyEmailTitle"));
        const email = await mock.latest("email", JANE.username);
        await page.getByRole("button", { name: t("recovery.enterCodeInstead") }).click();
        const code = page.getByLabel(t("phone.enterCode"));
        await expect(code).toBeVisible();
        await check("verify with your email: enter code", t("recovery.verifyEmailTitle"));
        await page.getByRole("button", { name: t("common.verify") }).click();
        await expectFieldError(code, t("validation.required"));
        await check("verify with your email: empty code refused", t("recovery.verifyEmailTitle"));
        await code.fill(email.code ?? "");
        await page.getByRole("button", { name: t("common.verify") }).click();

        // The question comes from the server as Jane wrote it (in English).
        const answer = page.getByLabel("What is the name of your first stuffed animal?");
        await expect(answer).toHaveAttribute("type", "password");
        await check("verify with your security question", t("recovery.questionTitle"));
        await answer.fill("Bear");
        await page.getByRole("button", { name: t("common.verify") }).click();
        await expect(page.getByRole("alert")).toContainText(t("errors.INVALID_ANSWER"));
        await check("security question: wrong answer refused", t("recovery.questionTitle"));
        await answer.fill("rex");
        await page.getByRole("button", { name: t("common.verify") }).click();

        await expect(
          page.getByRole("status").filter({ hasText: t("signIn.unlockedNotice") }),
        ).toBeVisible();
        await expect(page.getByLabel(t("signIn.password.label"), { exact: true })).toBeVisible();
        await check("unlocked: hand-over to sign-in", t("signIn.password.title"));

        expect(checked).toHaveLength(9);
      });

    if (inTurn(6, language))
      test(`Forgot password: the emailed link, the security question, the new password and the hand-over pass axe (${lang})`, async ({
        page,
        mock,
      }) => {
        const { check, checked } = screens(page, lang);
        await page.goto("/signin");
        await page.getByRole("link", { name: t("signIn.forgotPassword") }).click();
        await startRecovery(page, t, "reset");
        const email = await mock.latest("email", JANE.username);
        await page.goto(email.link ?? "");
        const answer = page.getByLabel("What is the name of your first stuffed animal?");
        await expect(answer).toBeVisible();
        await expect(page).toHaveURL(/\/signin\/recovery$/);
        await check("reset: verify with your security question", t("recovery.questionTitle"));
        await answer.fill("Rex");
        await page.getByRole("button", { name: t("common.verify") }).click();

        const enter = page.getByLabel(t("enroll.password.enter"), { exact: true });
        const reenter = page.getByLabel(t("enroll.password.reenter"), { exact: true });
        await expect(enter).toBeVisible();
        await check("reset: new password", t("recovery.resetTitle"));
        const submit = page.getByRole("button", { name: t("account.resetPassword.submit") });
        await submit.click();
        await expectFieldError(enter, t("validation.required"));
        await expectFieldError(reenter, t("validation.required"));
        await check("reset: empty new password refused", t("recovery.resetTitle"));
        await enter.fill(JANE.password);
        await reenter.fill(JANE.password);
        await submit.click();
        await expect(page.getByRole("alert")).toContainText(
          t("passwordRules.history", { count: 7 }),
        );
        await check("reset: a recent password refused", t("recovery.resetTitle"));
        await enter.fill("Recovered-Secret-2031");
        await reenter.fill("Recovered-Secret-2031");
        await submit.click();

        await expect(
          page.getByRole("status").filter({ hasText: t("signIn.passwordResetNotice") }),
        ).toBeVisible();
        await expect(page.getByLabel(t("common.enterCode"))).toBeVisible();
        await check("password reset: hand-over to sign-in", t("signIn.verify.googleTitle"));

        expect(checked).toHaveLength(5);
      });
  });
}
