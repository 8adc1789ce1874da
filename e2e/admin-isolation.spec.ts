import type { Page } from "@playwright/test";
import {
  administer,
  expect,
  expectAccessible,
  JANE,
  OLGA,
  openAdminUser,
  PAT,
  signInAsAdministrator,
  signInWithAuthenticator,
  signOut,
  test,
  type MockBackend,
} from "./fixtures";

/**
 * Who sees what in Administration (issue 16): a firm's administrator only their own firm's users,
 * a user who administers nothing no Administration at all; and what Jane is told when Pat leaves
 * her a single active TRAQS username.
 */

/** Jane signs in with her authenticator (a new code: the clock moves on first). */
async function signInAsJane(page: Page, mock: MockBackend) {
  await page.goto("/signin");
  await mock.advanceClock(30);
  await signInWithAuthenticator(page, mock, JANE);
  await expect(page.getByRole("heading", { name: "Select a username" })).toBeVisible();
}

/** Jane's address in Administration, as Pat (her firm's administrator) reaches it; Pat signs out. */
async function janesAdminPage(page: Page, mock: MockBackend): Promise<string> {
  await signInAsAdministrator(page, mock, PAT);
  await openAdminUser(page, "jane.doe", "Jane Doe");
  const path = new URL(page.url()).pathname;
  expect(path).toMatch(/^\/admin\/users\/[^/]+$/);
  await signOut(page, "Pat Admin");
  return path;
}

test("Olga, Other Firm's administrator, finds only Other Firm's users, never Jane", async ({
  page,
  mock,
}) => {
  await signInAsAdministrator(page, mock, OLGA);
  const search = async (words: string) => {
    await page.getByRole("searchbox", { name: "Search" }).fill(words);
    await page.getByRole("button", { name: "Search", exact: true }).click();
  };
  // Everyone she can find: Other Firm's three, nobody of Your Firm.
  await search("");
  const table = page.getByRole("table");
  await expect(page.getByRole("status").filter({ hasText: "3 users found" })).toBeVisible();
  for (const name of ["Olga Admin", "Omar Ortiz", "Olivia Owens"])
    await expect(table.getByRole("link", { name })).toBeVisible();
  await expect(table.getByText("yourfirm.org")).toHaveCount(0);
  // Jane by name, email or TRAQS username: no such user for Olga.
  for (const words of ["Jane", "jane.doe@yourfirm.org", "JDOE01"]) {
    await search(words);
    await expect(table.getByText("No user matches this search.")).toBeVisible();
    await expect(table.getByRole("link", { name: "Jane Doe" })).toHaveCount(0);
  }
});

test("Olga opens Jane's page by its address: not found, as for a user who does not exist", async ({
  page,
  mock,
}) => {
  const janesPage = await janesAdminPage(page, mock);
  await signInAsAdministrator(page, mock, OLGA);
  await page.goto(janesPage);
  await expect(page.getByRole("alert")).toContainText("That was not found.");
  await expect(page.getByRole("heading", { level: 1, name: "User" })).toBeVisible();
  await expect(page.getByText("Jane")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reset security methods" })).toHaveCount(0);
  await expectAccessible(page);
});

test("Jane administers nothing: no Administration in her user menu, and /admin/users tells her so", async ({
  page,
  mock,
}) => {
  await signInAsJane(page, mock);
  await page.goto("/app");
  await page.getByRole("button", { name: "Jane Doe" }).click();
  await expect(page.getByRole("link", { name: "Settings" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Administration" })).toHaveCount(0);

  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(
    "Administration is for your firm's Super Account Administrator and the help desk. Your account does not administer any users.",
  );
  // Nothing of Administration is offered: no section navigation, no search, no users.
  await expect(page.getByRole("navigation", { name: "Administration" })).toHaveCount(0);
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveCount(0);
  await expect(page.getByRole("table")).toHaveCount(0);
  await expectAccessible(page);
});

test("Pat sets JDOE03 InActive: Jane, left with JDOE01 alone, is told she has no other active username to switch to", async ({
  page,
  mock,
}) => {
  await signInAsAdministrator(page, mock, PAT);
  await openAdminUser(page, "JDOE03", "Jane Doe");
  await administer(page, mock, PAT, "Set JDOE03 InActive", "Jane left the second desk");
  await expect(
    page.getByRole("status").filter({ hasText: "The TRAQS username of Jane Doe was changed." }),
  ).toBeVisible();
  const jdoe03 = page.getByRole("region", { name: "TRAQS usernames" }).getByRole("row", {
    name: /JDOE03/,
  });
  await expect(jdoe03.getByRole("cell", { name: "InActive" })).toBeVisible();
  await signOut(page, "Pat Admin");

  // Jane still chooses from her list, where only JDOE01 can be chosen.
  await signInAsJane(page, mock);
  const list = page.getByLabel("Username", { exact: true });
  await expect(list).toHaveValue("JDOE01");
  await expect(list.getByRole("option", { name: "JDOE02 (InActive)" })).toBeDisabled();
  await expect(list.getByRole("option", { name: "JDOE03 (InActive)" })).toBeDisabled();
  await page.getByRole("button", { name: "Select" }).click();
  await expect(page.getByText("You are now using the credentials of JDOE01.")).toBeVisible();

  // The username at the top right: no other to switch to, and where to get one.
  await page
    .getByRole("button", { name: "Username JDOE01: switch to a different username" })
    .click();
  const dialog = page.getByRole("dialog", { name: "Select a different username" });
  await expect(dialog.getByRole("status")).toHaveText(
    "You have no other active username to switch to. To establish a new TRAQS Username, please use the Participant Data Management System.",
  );
  await expect(dialog.getByRole("combobox")).toHaveCount(0);
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole("button", { name: "Username JDOE01: switch to a different username" }),
  ).toBeVisible();
});
