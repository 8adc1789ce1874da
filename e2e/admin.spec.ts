import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import {
  administer,
  expect,
  expectAccessible,
  HANK,
  JANE,
  lockJane,
  openAdminUser,
  openFromMainMenu,
  PAT,
  SAM,
  setUpPasswordAndQuestion,
  shownKey,
  signInAsAdministrator,
  signInWithAuthenticator,
  signOut,
  test,
} from "./fixtures";

/** The audit log's rows as the table shows them, and the CSV that Export CSV downloads. */
async function auditRowsAndCsv(page: Page) {
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /\d+ events?$/ })).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  const table = (await rows.allInnerTexts()).slice(1);
  const saved = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await saved;
  await expect(page.getByRole("status").filter({ hasText: "was downloaded" })).toBeVisible();
  const csv = (await readFile((await file.path()) ?? "", "utf8")).trim().split(/\r?\n/);
  return { table, csv, fileName: file.suggestedFilename() };
}

test("Pat invites a new API user with TRACE – CA and TRF in NTF; she activates, enrolls, and sees exactly those facilities", async ({
  page,
  mock,
}) => {
  test.slow(); // an invitation, an enrollment, and a sign-in to the Manual page
  await signInAsAdministrator(page, mock, PAT);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Order Form", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Order Form" })).toBeVisible();
  await page.getByLabel("First name").fill("Nina");
  await page.getByLabel("Last name").fill("Novak");
  await page.getByLabel("Individual email address").fill("nina.novak@yourfirm.org");
  await page.getByLabel("TRAQS usernames to create").fill("NNOVAK01");
  const ntf = page.getByRole("group", { name: "NTF" });
  await ntf.getByRole("checkbox", { name: "TRACE – CA" }).check();
  await ntf.getByRole("checkbox", { name: "TRF" }).check();
  await expectAccessible(page);
  await administer(page, mock, PAT, "Submit", "New API user for TRACE and TRF reference data");
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: "The invitation was sent to nina.novak@yourfirm.org." }),
  ).toBeVisible();
  await page.getByRole("link", { name: "Open Nina Novak" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nina Novak" })).toBeVisible();
  await expect(page.getByText("NTF: TRACE – CA, TRF").first()).toBeVisible();
  await signOut(page, "Pat Admin");

  // The invitation arrives; Nina activates and sets up her methods.
  const invitation = await mock.latest("email", "nina.novak@yourfirm.org");
  expect(invitation.subject).toBe("FINRA TRAQS - Welcome to Okta!");
  await page.goto(invitation.link ?? "");
  await expect(page.getByRole("heading", { name: "Set up security methods" })).toBeVisible();
  await setUpPasswordAndQuestion(page, "Quiet-Harbor-42-Lantern");
  await page.getByRole("link", { name: "Set up Google Authenticator" }).click();
  await page.getByRole("button", { name: "Can't scan?" }).click();
  const key = await shownKey(page);
  await page.getByRole("link", { name: "Next" }).click();
  await page.getByLabel("Enter code").fill(await mock.totp(key));
  await page.getByRole("button", { name: "Verify" }).click();
  await page.getByRole("button", { name: "Set up later" }).click();
  await expect(page.getByText("You are now using the credentials of NNOVAK01.")).toBeVisible();

  // API / Download / Manual offers exactly the two facilities of her Order Form.
  await openFromMainMenu(page, "Manual");
  await expect(page.getByRole("heading", { name: "API / Download / Manual" })).toBeVisible();
  const facility = page.getByLabel("Facility");
  await expect(facility.locator("option:not([disabled])")).toHaveText(["TRACE – CA", "TRF"]);
  await expect(facility.locator("option[disabled]")).toHaveCount(4);
});

test("Pat sets JDOE02 Active and Jane can choose it; a shared address is refused on its field; the audit log and its CSV show both", async ({
  page,
  mock,
}) => {
  test.slow();
  await signInAsAdministrator(page, mock, PAT);
  await openAdminUser(page, "JDOE02", "Jane Doe");
  await expectAccessible(page);
  const usernames = page.getByRole("region", { name: "TRAQS usernames" });
  await expect(
    usernames.getByRole("row", { name: /JDOE02/ }).getByRole("cell", { name: "InActive" }),
  ).toBeVisible();
  await administer(page, mock, PAT, "Set JDOE02 Active", "Jane trades for the second desk");
  await expect(
    page.getByRole("status").filter({ hasText: "The TRAQS username of Jane Doe was changed." }),
  ).toBeVisible();
  const jdoe02 = usernames.getByRole("row", { name: /JDOE02/ });
  await expect(jdoe02.getByRole("cell", { name: "Active", exact: true })).toBeVisible();
  await expect(jdoe02.getByRole("button", { name: "Set JDOE02 InActive" })).toBeVisible();

  // A shared address: refused by the backend, shown on the email field; nothing typed is lost.
  await page.getByRole("link", { name: "Order Form", exact: true }).click();
  await page.getByLabel("First name").fill("Front");
  await page.getByLabel("Last name").fill("Desk");
  await page.getByLabel("Individual email address").fill("info@yourfirm.org");
  await page
    .getByRole("group", { name: "Production" })
    .getByRole("checkbox", { name: "ADF" })
    .check();
  await administer(page, mock, PAT, "Submit", "Desk account");
  const email = page.getByLabel("Individual email address");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("That is a shared or generic address")).toBeVisible();
  await expect(email).toHaveValue("info@yourfirm.org");
  await expect(page.getByLabel("First name")).toHaveValue("Front");
  await expect(
    page.getByRole("group", { name: "Production" }).getByRole("checkbox", { name: "ADF" }),
  ).toBeChecked();
  await expectAccessible(page);

  const { table, csv, fileName } = await auditRowsAndCsv(page);
  await expectAccessible(page);
  expect(fileName).toMatch(/\.csv$/);
  expect(table).toHaveLength(2);
  expect(table[0]).toContain("Submit the Order Form");
  expect(table[0]).toContain("Refused");
  expect(table[1]).toContain("Set TRAQS username Active or InActive");
  expect(table[1]).toContain("Jane trades for the second desk");
  expect(table[1]).toContain("Done");
  // The CSV holds the same rows: its header, then one line per event, the same reasons.
  expect(csv).toHaveLength(3);
  expect(csv[0]).toBe("When,Administrator,Role,Action,User,Firm,Detail,Reason,Result");
  expect(csv[1]).toContain("Desk account");
  expect(csv[2]).toContain("Jane trades for the second desk");
  await signOut(page, "Pat Admin");

  // Jane can now choose JDOE02.
  await page.goto("/signin");
  await mock.advanceClock(30);
  await signInWithAuthenticator(page, mock, JANE);
  await page.getByLabel("Username", { exact: true }).selectOption("JDOE02");
  await page.getByRole("button", { name: "Select" }).click();
  await expect(page.getByText("You are now using the credentials of JDOE02.")).toBeVisible();
});

test("The help desk unlocks Jane, who then signs in, and resets Sam's methods; the audit log and its CSV show both", async ({
  page,
  mock,
}) => {
  await lockJane(page);
  await signInAsAdministrator(page, mock, HANK);
  await openAdminUser(page, "jane.doe", "Jane Doe");
  await expect(page.getByRole("region", { name: "Profile" })).toContainText("Locked");
  // The help desk does only what it may: no Order Form, no Suspend.
  await expect(page.getByRole("link", { name: "Order Form" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Suspend" })).toHaveCount(0);
  await administer(page, mock, HANK, "Unlock", "Jane called: locked out after a typo");
  await expect(
    page.getByRole("status").filter({ hasText: "The account of Jane Doe was unlocked." }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Profile" })).toContainText("Active");

  // Sam lost his phone: the help desk resets his methods; he is emailed about it.
  const before = (await mock.outbox()).filter((m) => m.to.startsWith(SAM.username)).length;
  await openAdminUser(page, "sam.lee", "Sam Lee");
  await administer(page, mock, HANK, "Reset security methods", "Sam lost his phone");
  await expect(
    page.getByRole("status").filter({ hasText: "The security methods of Sam Lee were reset." }),
  ).toBeVisible();
  await expect(page.getByText("No security method is set up.")).toBeVisible();
  await mock.latest("email", SAM.username, before);

  const { table, csv } = await auditRowsAndCsv(page);
  expect(table.filter((row) => row.includes("Sam lost his phone"))).toHaveLength(1);
  const unlocks = table.filter((row) => row.includes("Jane called: locked out after a typo"));
  expect(unlocks).toHaveLength(1);
  expect(unlocks[0]).toContain("Unlock");
  expect(csv.filter((line) => line.includes("Jane called: locked out after a typo"))).toHaveLength(
    1,
  );
  expect(csv).toHaveLength(table.length + 1);
  await signOut(page, "Hank Help");

  await page.goto("/signin");
  await mock.advanceClock(30);
  await signInWithAuthenticator(page, mock, JANE);
  await expect(page.getByLabel("Username", { exact: true })).toBeVisible();
});
