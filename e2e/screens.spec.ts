import type { Page } from "@playwright/test";
import {
  expect,
  expectAccessible,
  JANE,
  signInAsJdoe01,
  test,
  verifyWithJanesCode,
  type MockBackend,
} from "./fixtures";

/**
 * Issue 13's screen fixes, driven as a person would: the TRAQS username switch, "Verify it's you"
 * for Settings, Get Token's warning, Recent Activity's browser and four-digit years.
 */

/** The TRAQS username at the top right, which opens "Select a different username". */
const switcher = (page: Page, username: string) =>
  page.getByRole("button", { name: `Username ${username}: switch to a different username` });

async function switchTo(page: Page, from: string, to: string) {
  await switcher(page, from).click();
  const dialog = page.getByRole("dialog", { name: "Select a different username" });
  const list = dialog.getByRole("combobox", { name: "Username" });
  // The list starts on a username that can be chosen, never empty or the one in use.
  await expect(list).toHaveValue(to);
  await expect(list.getByRole("option", { name: `${from} (current)` })).toBeDisabled();
  await expect(list.getByRole("option", { name: "JDOE02 (InActive)" })).toBeDisabled();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Select" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`You are now using the credentials of ${to}.`)).toBeVisible();
  await expect(switcher(page, to)).toBeVisible();
}

test("Jane switches to her other active username and back; Cancel closes the switch without a word", async ({
  page,
  mock,
}) => {
  await signInAsJdoe01(page, mock);

  // Cancel is not an answer: no "Choose a username", nothing changes.
  await switcher(page, "JDOE01").click();
  const dialog = page.getByRole("dialog", { name: "Select a different username" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Choose a username")).toHaveCount(0);
  await expect(switcher(page, "JDOE01")).toBeVisible();

  await switchTo(page, "JDOE01", "JDOE03");
  await switchTo(page, "JDOE03", "JDOE01");
  // The choice is the server's: a reload keeps it.
  await page.reload();
  await expect(page.getByText("You are now using the credentials of JDOE01.")).toBeVisible();
});

async function openSettingsFromMyApps(page: Page) {
  await page.goto("/app");
  await page.getByRole("button", { name: "Jane Doe" }).click();
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(
    page.getByRole("heading", { name: "Verify it's you with a security method" }),
  ).toBeVisible();
}

test("Verify it's you for Settings lists Jane's methods and Password; Back returns to the list, Cancel to My Apps", async ({
  page,
  mock,
}) => {
  await signInAsJdoe01(page, mock);
  await openSettingsFromMyApps(page);

  // "Select from the following options": her enrolled methods, Password included (guide Section 2).
  await expect(page.getByText("Select from the following options")).toBeVisible();
  const options = page.getByRole("button", { name: /^Select / });
  await expect(options).toHaveText(["Select", "Select", "Select"]);
  await expect(page.getByRole("button", { name: "Select Google Authenticator" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Select Password" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Select Phone +1 XXX-XXX-0143" })).toBeVisible();
  await expectAccessible(page);

  // A method, then the browser's Back: the list again, still on Settings.
  await page.getByRole("button", { name: "Select Google Authenticator" }).click();
  await expect(
    page.getByRole("heading", { name: "Verify with Google Authenticator" }),
  ).toBeVisible();
  await page.goBack();
  await expect(
    page.getByRole("heading", { name: "Verify it's you with a security method" }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/settings$/);

  // Cancel: back to My Apps, Settings unopened.
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/app$/);
  await expect(page.getByRole("heading", { name: "My Apps" })).toBeVisible();

  // The password is enough to open Settings.
  await openSettingsFromMyApps(page);
  await page.getByRole("button", { name: "Select Password" }).click();
  await expect(page.getByRole("heading", { name: "Verify with your password" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Password", { exact: true }).fill(JANE.password);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
});

async function getToken(page: Page, mock: MockBackend) {
  await verifyWithJanesCode(page, mock);
  await expect(page.getByText("A new Refresh Token is now current.")).toBeVisible();
}

test("Get Token with a current token says first that it replaces it", async ({ page, mock }) => {
  await signInAsJdoe01(page, mock);
  await page.goto("/traqs/api/download/programmatic");
  const getTokenButton = page.getByRole("button", { name: "Get Token" });

  // No current token: nothing to replace, straight to "Verify it's you".
  await getTokenButton.click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await getToken(page, mock);
  const current = page.getByRole("region", { name: "Current Token" });
  const firstEnding = (await current.getByRole("cell").first().innerText()).slice(-4);

  // A current token: the warning, and No keeps it.
  await getTokenButton.click();
  const warning = page.getByRole("dialog", { name: "Get Token" });
  await expect(warning).toContainText(
    "It replaces the current one, which stops working at once: scripts that use it stop",
  );
  await expectAccessible(page);
  await warning.getByRole("button", { name: "No" }).click();
  await expect(warning).toHaveCount(0);
  await expect(current.getByRole("cell").first()).toContainText(firstEnding);
  await expect(getTokenButton).toBeFocused();

  // Yes: verify, and the new token replaces the old one, which is now a prior token.
  await getTokenButton.click();
  await warning.getByRole("button", { name: "Yes" }).click();
  await getToken(page, mock);
  await expect(current.getByRole("cell").first()).not.toContainText(firstEnding);
  const prior = page.getByRole("region", { name: "Prior Tokens" });
  await expect(prior.getByRole("row").nth(1)).toContainText(firstEnding);
  await expect(prior.getByRole("row").nth(1)).toContainText("Replaced");
});

test("Recent Activity names the browser and system, and dates have four-digit years", async ({
  page,
  mock,
}) => {
  await signInAsJdoe01(page, mock);
  await page.goto("/activity");
  await expect(page.getByRole("heading", { name: "Recent Activity" })).toBeVisible();
  const signIn = page.getByRole("row").filter({ hasText: "Sign-in" }).first();
  // The tests' Chromium sends the "Desktop Chrome" user agent (playwright.config.ts): Chrome on
  // Windows. The in-page mock sees no User-Agent header and must read the page's own.
  expect(await page.evaluate(() => navigator.userAgent)).toContain("Windows NT");
  await expect(signIn.getByRole("cell").nth(2)).toHaveText("Chrome on Windows");
  const year = new Date((await mock.clock()).epochMs).getFullYear();
  await expect(signIn.getByRole("cell").first()).toContainText(`/${year}, `);
  await expect(page.getByText("an unknown browser")).toHaveCount(0);
});
