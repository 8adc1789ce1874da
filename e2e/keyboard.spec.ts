import type { Locator, Page } from "@playwright/test";
import { activateJohn, expect, JOHN, scanWithOktaVerify, shownKey, test } from "./fixtures";

/*
 * John, who uses only the keyboard, activates his account, sets up every security method the
 * "Set up security methods" screen offers, and then removes one in Settings. His page is driven
 * with page.keyboard alone (Tab, Shift+Tab, Enter, Space, arrow keys, typing): no click, fill,
 * check or selectOption. Only the development phone (a second page, standing for his phone's
 * Okta Verify app) is clicked.
 */

const JOHNS_PHONE = { number: "202-555-0188", masked: "+1 XXX-XXX-0188" };

/**
 * Presses Tab (or Shift+Tab) until the element has focus, as a keyboard user moves through the
 * page; fails when it is not reached within `max` presses. Returns how many presses it took.
 */
async function focusWith(
  page: Page,
  target: Locator,
  key: "Tab" | "Shift+Tab" = "Tab",
  max = 30,
): Promise<number> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses <= max; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) {
      await expect(target).toBeFocused();
      return presses;
    }
    await page.keyboard.press(key);
  }
  throw new Error(`Could not reach ${target.toString()} with ${key} in ${max} presses`);
}

/** A screen that opens moves focus to its heading, so a keyboard user starts from there. */
async function expectScreen(page: Page, name: string) {
  const heading = page.getByRole("heading", { name, level: 1 });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
}

function status(page: Page, text: string) {
  return page.getByRole("status").filter({ hasText: text });
}

/** Tabs to `target` and presses Enter: the screen named `screen` opens, its heading focused. */
async function openWithEnter(page: Page, target: Locator, screen: string) {
  await focusWith(page, target);
  await page.keyboard.press("Enter");
  await expectScreen(page, screen);
}

/** Back on Set up security methods, which says the method is set up. */
async function expectSetUp(page: Page, method: string) {
  await expectScreen(page, "Set up security methods");
  await expect(status(page, `${method} is set up.`)).toBeVisible();
}

/**
 * Presses the key up to four times: focus never lands on the page behind the modal dialog (at
 * most on <body>, which stands for the browser's own controls), and it comes back to `then`.
 */
async function expectFocusKeptIn(
  page: Page,
  dialog: Locator,
  key: "Tab" | "Shift+Tab",
  then: Locator,
) {
  for (let presses = 1; presses <= 4; presses++) {
    await page.keyboard.press(key);
    const where = await dialog.evaluate((el) => {
      const active = document.activeElement;
      if (!active || active === document.body || el.contains(active)) return "inside";
      return active.outerHTML.slice(0, 120);
    });
    expect(where, `${key} ${presses}× from the dialog moved focus behind it`).toBe("inside");
    if (await then.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${key} did not bring focus back to ${then.toString()}`);
}

test("John enrolls every security method and removes one in Settings with the keyboard alone", async ({
  page,
  mock,
  context,
}) => {
  test.slow();
  await activateJohn(page, mock);
  await expectScreen(page, "Set up security methods");
  const required = page.getByRole("region", { name: "Set up required" });

  // Password: the link opens with Enter, the two fields are reached with Tab, Enter submits.
  await openWithEnter(
    page,
    required.getByRole("link", { name: "Set up Password" }),
    "Set up password",
  );
  await focusWith(page, page.getByRole("textbox", { name: "Enter password", exact: true }));
  await page.keyboard.type(JOHN.password);
  await expect(
    page.getByRole("list", { name: "Password requirements:" }).getByRole("listitem").first(),
  ).toContainText("Met:");
  // "Show password" sits between the two fields and toggles with Space.
  await page.keyboard.press("Tab");
  const show = page.getByRole("button", { name: "Show password" }).first();
  await expect(show).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByRole("textbox", { name: "Enter password", exact: true })).toHaveValue(
    JOHN.password,
  );
  await expect(page.getByRole("button", { name: "Hide password" })).toBeFocused();
  await focusWith(page, page.getByRole("textbox", { name: "Re-enter password" }));
  await page.keyboard.type(JOHN.password);
  await page.keyboard.press("Enter");
  await expectSetUp(page, "Password");

  // Security question: the radio group moves with the arrow keys, the list with ArrowDown.
  await openWithEnter(
    page,
    required.getByRole("link", { name: "Set up Security Question" }),
    "Set up security question",
  );
  const chooseRadio = page.getByRole("radio", { name: "Choose a security question" });
  const ownRadio = page.getByRole("radio", { name: "Create my own security question" });
  await focusWith(page, chooseRadio);
  await expect(chooseRadio).toBeChecked();
  await page.keyboard.press("ArrowDown");
  await expect(ownRadio).toBeFocused();
  await expect(ownRadio).toBeChecked();
  await expect(
    page.getByRole("textbox", { name: "Create my own security question" }),
  ).toBeVisible();
  await page.keyboard.press("ArrowUp");
  await expect(chooseRadio).toBeChecked();
  const question = page.getByRole("combobox", { name: "Choose a security question" });
  // The list starts on its first question; ArrowDown moves to the next.
  await expect(question).toHaveValue("What is the food you least liked as a child?");
  await focusWith(page, question);
  await page.keyboard.press("ArrowDown");
  await expect(question).toHaveValue("What is the name of your first stuffed animal?");
  await focusWith(page, page.getByRole("textbox", { name: "Answer" }));
  await page.keyboard.type("Rex the bear");
  await page.keyboard.press("Enter");
  await expectSetUp(page, "Security Question");

  // Google Authenticator: "Can't scan?" opens with Space, the key is read, Next opens with Enter.
  await openWithEnter(
    page,
    required.getByRole("link", { name: "Set up Google Authenticator" }),
    "Set up Google Authenticator",
  );
  const cantScan = page.getByRole("button", { name: "Can't scan?" });
  await focusWith(page, cantScan);
  await page.keyboard.press("Space");
  await expect(cantScan).toHaveAttribute("aria-expanded", "true");
  await expect(cantScan).toBeFocused();
  const key = await shownKey(page);
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  await focusWith(page, page.getByRole("link", { name: "Next" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Enter code displayed from application")).toBeVisible();
  await focusWith(page, page.getByRole("textbox", { name: "Enter code" }));
  await page.keyboard.type(await mock.totp(key));
  await page.keyboard.press("Enter");
  await expectSetUp(page, "Google Authenticator");
  // The rule is met: "Set up later" is offered, and the rest are optional.
  const optional = page.getByRole("region", { name: "Set up optional" });

  // Okta Verify: John opens the screen by keyboard; his phone's app (the development inbox,
  // clicked, as it stands for the phone) scans the code, and his screen moves on by itself.
  await openWithEnter(
    page,
    optional.getByRole("link", { name: "Set up Okta Verify" }),
    "Set up Okta Verify",
  );
  await expect(page.getByRole("img", { name: "QR code to scan with Okta Verify" })).toBeVisible();
  await (await scanWithOktaVerify(context, JOHN.username)).close();
  await expectSetUp(page, "Okta Verify");

  // Phone by SMS: Country is already United States; the number, then the code from the outbox.
  await openWithEnter(
    page,
    optional.getByRole("link", { name: "Set up Phone" }),
    "Set up phone authentication",
  );
  await expect(page.getByRole("radio", { name: "SMS" })).toBeChecked();
  await expect(page.getByRole("combobox", { name: "Country" })).toHaveValue("US");
  await focusWith(page, page.getByRole("textbox", { name: "Phone number" }));
  await page.keyboard.type(JOHNS_PHONE.number);
  await page.keyboard.press("Enter");
  const sms = await mock.latest("sms", "+12025550188");
  expect(sms.code).toMatch(/^\d{6}$/);
  await expect(page.getByText("Haven't received an SMS?")).toBeVisible();
  await focusWith(page, page.getByRole("textbox", { name: "Enter Code" }));
  await page.keyboard.type(sms.code ?? "");
  await page.keyboard.press("Enter");
  await expectSetUp(page, "Phone");

  // Recovery codes too: the checkbox with Space, Continue with Enter.
  await openWithEnter(
    page,
    optional.getByRole("link", { name: "Set up Recovery codes" }),
    "Recovery codes",
  );
  const codes = page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await focusWith(page, page.getByRole("checkbox", { name: "I have saved these codes" }));
  await page.keyboard.press("Space");
  await focusWith(page, page.getByRole("button", { name: "Continue" }));
  await page.keyboard.press("Enter");
  await expectScreen(page, "Set up security methods");

  // Every guide method is set up: nothing is required; "another" Okta Verify or Phone, and a
  // passkey (e2e/passkeys.spec.ts), remain.
  await expect(page.getByRole("region", { name: "Set up required" })).toHaveCount(0);
  await expect(optional.getByRole("link")).toHaveText([
    "Set up another",
    "Set up another",
    "Set up",
  ]);
  const done = page.getByRole("region", { name: "Set up", exact: true });
  for (const name of [
    "Password",
    "Security Question",
    "Google Authenticator",
    "Okta Verify",
    "Recovery codes",
  ]) {
    await expect(done.getByText(name)).toBeVisible();
  }
  await expect(done.getByText(JOHNS_PHONE.masked)).toBeVisible();
  await openWithEnter(page, page.getByRole("button", { name: "Set up later" }), "FINRA TRAQS");
  await expect(page.getByText("You are now using the credentials of JSMITH01.")).toBeVisible();

  // The user menu sits before the heading: Shift+Tab reaches it, Enter opens it, Escape closes it.
  const menuButton = page.getByRole("button", { name: "John Smith" });
  await focusWith(page, menuButton, "Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(menuButton).toHaveAttribute("aria-expanded", "true");
  const settingsLink = page.getByRole("link", { name: "Settings" });
  await page.keyboard.press("Tab");
  await expect(settingsLink).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
  await expect(settingsLink).toBeHidden();
  // Focus is back on the button, which Space opens again.
  await expect(menuButton).toBeFocused();
  await page.keyboard.press("Space");
  await expect(menuButton).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Tab");
  await expect(settingsLink).toBeFocused();
  await page.keyboard.press("Enter");

  // "Verify it's you": the list of his methods; he selects Google Authenticator.
  await expectScreen(page, "Verify it's you with a security method");
  await focusWith(page, page.getByRole("button", { name: "Select Google Authenticator" }));
  await page.keyboard.press("Enter");
  await expectScreen(page, "Verify with Google Authenticator");
  await expect(page.getByText(JOHN.username)).toBeVisible();
  await focusWith(page, page.getByRole("textbox", { name: "Enter code" }));
  await mock.advanceClock(30); // a code works once: the app's next code
  await page.keyboard.type(await mock.totp(key));
  await page.keyboard.press("Enter");
  await expectScreen(page, "Account");
  const methods = page.getByRole("region", { name: "Security Methods" });
  const removePhone = methods.getByRole("button", { name: `Remove ${JOHNS_PHONE.masked}` });
  await expect(methods.getByRole("button", { name: "Remove Google Authenticator" })).toBeVisible();

  // Remove the phone. The dialog takes focus (on Yes); Tab and Shift+Tab stay in it (the page
  // behind is inert: focus goes at most to the browser's own controls, shown as <body> here).
  await focusWith(page, removePhone);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: `Remove ${JOHNS_PHONE.masked}` });
  await expect(dialog).toContainText(
    `Are you sure you want to remove ${JOHNS_PHONE.masked} enrollment?`,
  );
  const yes = dialog.getByRole("button", { name: "Yes" });
  const no = dialog.getByRole("button", { name: "No" });
  await expect(yes).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(no).toBeFocused();
  await expectFocusKeptIn(page, dialog, "Tab", yes);
  await expectFocusKeptIn(page, dialog, "Shift+Tab", no);

  // Escape closes the dialog and removes nothing.
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(removePhone).toBeVisible();
  await expect(removePhone).toBeFocused(); // back where he was

  // No, chosen with the keyboard, closes it too.
  await page.keyboard.press("Enter");
  await expect(yes).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(no).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(removePhone).toBeFocused();

  // Yes (with Space), then the password, then the authenticator's next code.
  await page.keyboard.press("Enter");
  await expect(yes).toBeFocused();
  await page.keyboard.press("Space");
  await expectScreen(page, "Verify with your password");
  await focusWith(page, page.getByRole("textbox", { name: "Password", exact: true }));
  await page.keyboard.type(JOHN.password);
  await page.keyboard.press("Enter");
  await expectScreen(page, "Verify with Google Authenticator");
  await focusWith(page, page.getByRole("textbox", { name: "Enter code" }));
  await mock.advanceClock(30);
  await page.keyboard.type(await mock.totp(key));
  await page.keyboard.press("Enter");
  await expectScreen(page, "Account");
  await expect(status(page, `You have successfully removed ${JOHNS_PHONE.masked}`)).toBeVisible();
  await expect(removePhone).toHaveCount(0);
  await expect(methods.getByRole("button", { name: "Set up Phone" })).toBeVisible();
  await expect(methods.getByRole("button", { name: "Remove Google Authenticator" })).toBeVisible();
  const email = await mock.latest("email", JOHN.username);
  expect(email.subject).toBe("FINRA TRAQS - Security method reset");
  expect(email.text).toContain(`Phone ${JOHNS_PHONE.masked}`);
});
