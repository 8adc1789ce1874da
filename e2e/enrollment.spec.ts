import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import {
  activateJohn,
  expect,
  expectAccessible,
  fillNewPassword,
  JOHN,
  scanWithOktaVerify,
  setUpPasswordAndQuestion,
  shownKey,
  signInToFactorStep,
  spendRecoveryCode,
  test,
} from "./fixtures";
import { decodeQr } from "./qr";

function section(page: Page, name: string) {
  return page.getByRole("region", { name });
}

async function setPassword(page: Page, password: string, confirm = password) {
  await fillNewPassword(page, password, confirm);
  await page.getByRole("button", { name: "Next" }).click();
}

// John's enrollment, from the invitation email to TRAQS, in three parts that can run side by side.

test("John activates his account; the password rules and the security question refuse what they should", async ({
  page,
  mock,
}) => {
  await activateJohn(page, mock);
  await expect(page.getByText(JOHN.username)).toBeVisible();
  // As in the guide's activation (step 4): the password and the security question first; the
  // access methods come after them (step 8).
  const required = section(page, "Set up required");
  await expect(required.getByRole("link", { name: /^Set up / })).toHaveCount(2);
  for (const name of ["Password", "Security Question"]) {
    await expect(required.getByRole("link", { name: `Set up ${name}` })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "Set up later" })).toHaveCount(0);
  await expectAccessible(page);

  // Password: each broken rule is named; the requirements tick as they are met.
  await required.getByRole("link", { name: "Set up Password" }).click();
  await expect(page.getByRole("heading", { name: "Set up password" })).toBeVisible();
  await page.getByLabel("Enter password", { exact: true }).fill("abc");
  const requirements = page.getByRole("list", { name: "Password requirements:" });
  await expect(
    requirements.getByRole("listitem").filter({ hasText: "A lowercase letter" }),
  ).toContainText("Met: A lowercase letter");
  await expect(
    requirements.getByRole("listitem").filter({ hasText: "An uppercase letter" }),
  ).toContainText("Not met yet");
  await expectAccessible(page);
  const refusals: [string, string][] = [
    ["Sh0rt-Pw", "At least 12 characters"],
    ["all-lowercase-123", "An uppercase letter"],
    ["ALL-UPPERCASE-123", "A lowercase letter"],
    ["No-Numbers-Here-At-All", "A number"],
    ["Yourfirm-Secret-99", "No parts of your username"],
    ["Johnny-Be-Good-99", "Does not include your first name"],
    ["Agent-Smith-99-x", "Does not include your last name"],
    ["Password1234", "Not a commonly used password"],
  ];
  for (const [password, rule] of refusals) {
    await setPassword(page, password);
    await expect(page.getByRole("alert")).toContainText(`Password requirements were not met: `);
    await expect(page.getByRole("alert")).toContainText(rule);
  }
  // The refusal is about the refused password: once another is typed it goes, and the error shown
  // is the current one.
  const refusal = page.getByRole("alert").filter({ hasText: "Password requirements were not met" });
  await expect(refusal).toBeVisible();
  await setPassword(page, JOHN.password, "Correct-Horse-7-Batery");
  await expect(page.getByText("The passwords do not match")).toBeVisible();
  await expect(refusal).toHaveCount(0);
  await expectAccessible(page);
  await setPassword(page, JOHN.password);
  await expect(page.getByRole("status").filter({ hasText: "Password is set up." })).toBeVisible();
  await expect(section(page, "Set up").getByText("Password")).toBeVisible();

  // Security question: chosen from the list, which starts on its first question (as in the
  // guide); an answer under 3 characters is refused.
  await page.getByRole("link", { name: "Set up Security Question" }).click();
  await expect(page.getByRole("heading", { name: "Set up security question" })).toBeVisible();
  await expect(
    page.getByLabel("Choose a security question", { exact: true }).last(),
  ).not.toHaveValue("");
  await expectAccessible(page);
  await page.getByLabel("Choose a security question", { exact: true }).last().selectOption({
    label: "What is the name of your first stuffed animal?",
  });
  await page.getByLabel("Answer", { exact: true }).fill("Re");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("The answer must be at least 3 characters")).toBeVisible();
  await page.getByLabel("Answer", { exact: true }).fill("Rex the bear");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Security Question is set up." }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Set up later" })).toHaveCount(0);
  // Now the choice of access methods (guide step 8).
  for (const name of ["Google Authenticator", "Okta Verify", "Phone"]) {
    await expect(required.getByRole("link", { name: `Set up ${name}` })).toBeVisible();
  }
});

test("Google Authenticator: the QR code and key carry one secret, a phone clock 5 minutes ahead is named", async ({
  page,
  mock,
}) => {
  await activateJohn(page, mock);
  await setUpPasswordAndQuestion(page, JOHN.password);

  // The QR code and the "Can't scan?" key carry the same secret.
  await page.getByRole("link", { name: "Set up Google Authenticator" }).click();
  await expect(page.getByRole("heading", { name: "Scan barcode" })).toBeVisible();
  await page.getByRole("button", { name: "Can't scan?" }).click();
  const key = await shownKey(page);
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  const uri = await decodeQr(
    page.getByRole("img", { name: "QR code to scan with Google Authenticator" }),
  );
  expect(uri).toMatch(/^otpauth:\/\/totp\/FINRA%20TRAQS:john\.smith%40yourfirm\.org\?/);
  const params = new URL(uri).searchParams;
  expect(params.get("secret")).toBe(key);
  expect(params.get("issuer")).toBe("FINRA TRAQS");
  expect(
    Object.fromEntries(["algorithm", "digits", "period"].map((p) => [p, params.get(p)])),
  ).toEqual({
    algorithm: "SHA1",
    digits: "6",
    period: "30",
  });
  await expect(
    page.getByRole("link", { name: "Open in authenticator app (on this device)" }),
  ).toHaveAttribute("href", uri);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page.getByText("Enter code displayed from application")).toBeVisible();
  // A phone whose clock runs 5 minutes ahead is told so, not just "invalid".
  const { epochMs } = await mock.clock();
  await page.getByLabel("Enter code").fill(await mock.totpAt(key, epochMs + 5 * 60_000));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toContainText("your phone's clock looks 5 minute(s) ahead");
  // The key is the same after a wrong code and a reload.
  await page.reload();
  await page.getByRole("link", { name: "Back to the barcode" }).click();
  await page.getByRole("button", { name: "Can't scan?" }).click();
  expect(await shownKey(page)).toBe(key);
  await page.getByRole("link", { name: "Next" }).click();
  await page.getByLabel("Enter code").fill(await mock.totp(key));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Google Authenticator is set up." }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Set up later" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Set up Google Authenticator" })).toHaveCount(0);
  await expectAccessible(page);
});

test("Okta Verify and two phones are set up, John lands in TRAQS, then signs in again with a push", async ({
  page,
  mock,
  context,
}) => {
  test.slow(); // the longest of John's three parts
  const link = await activateJohn(page, mock);
  await setUpPasswordAndQuestion(page, JOHN.password);

  // Okta Verify: the development inbox plays the phone and scans the QR code.
  await page.getByRole("link", { name: "Set up Okta Verify" }).click();
  await expect(page.getByRole("heading", { name: "Set up Okta Verify" })).toBeVisible();
  await expect(page.getByText(/Note for iPhone users/)).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code to scan with Okta Verify" })).toBeVisible();
  await expectAccessible(page);
  const phoneApp = await scanWithOktaVerify(context, JOHN.username);
  await expect(
    page.getByRole("status").filter({ hasText: "Okta Verify is set up." }),
  ).toBeVisible();
  // The finished set-up started no other: the phone has nothing left to scan.
  await phoneApp.reload();
  await expect(phoneApp.getByText(`${JOHN.username} on `)).toBeVisible();
  await expect(phoneApp.getByRole("button", { name: /^Scan the QR code/ })).toHaveCount(0);

  // An SMS phone, then a voice phone with an extension: codes from the outbox.
  await page.getByRole("link", { name: "Set up Phone" }).click();
  await expect(page.getByRole("heading", { name: "Set up phone authentication" })).toBeVisible();
  await expect(page.getByLabel("Country")).toHaveValue("US");
  await expectAccessible(page);
  await page.getByLabel("Phone number").fill("202-555-0188");
  await page.getByRole("button", { name: "Receive a code via SMS" }).click();
  const sms = await mock.latest("sms", "+12025550188");
  expect(sms.code).toMatch(/^\d{6}$/);
  await expect(page.getByText("Haven't received an SMS?")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send again" })).toBeDisabled();
  await expectAccessible(page);
  await page.getByLabel("Enter Code").fill(sms.code ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Phone is set up." })).toBeVisible();

  await page.getByRole("link", { name: "Set up another Phone" }).click();
  await page.getByRole("radio", { name: "Voice call" }).check();
  await page.getByLabel("Phone number").fill("(202) 555-0199");
  await page.getByLabel("Extension").fill("42");
  await page.getByRole("button", { name: "Receive a code via voice call" }).click();
  const call = await mock.latest("voice", "+12025550199 ext. 42");
  expect(call.code).toMatch(/^\d{5}$/);
  await expect(page.getByText("Haven't received a call?")).toBeVisible();
  await page.getByLabel("Enter Code").fill(call.code ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Phone is set up." })).toBeVisible();
  await expect(section(page, "Set up").getByText("+1 XXX-XXX-0199")).toBeVisible();

  await page.getByRole("button", { name: "Set up later" }).click();
  await expect(page.getByText("You are now using the credentials of JSMITH01.")).toBeVisible();

  // The activation link worked once (opened again from the email, in a new tab).
  const emailTab = await context.newPage();
  await emailTab.goto(link);
  await expect(emailTab.getByRole("alert")).toContainText(
    "This activation link has already been used.",
  );
  await expectAccessible(emailTab);
  await emailTab.close();

  // John signs out, then signs in again with an Okta Verify push, matching the number on screen.
  await page.goto("/traqs");
  await page.getByRole("button", { name: "John Smith" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  // Signed out only once Sign In shows: leaving sooner would cancel the sign-out request.
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await signInToFactorStep(page, JOHN);
  await page.getByRole("link", { name: "Verify with something else" }).click();
  await page.getByRole("button", { name: /^Select Get a push notification/ }).click();
  await page.getByRole("button", { name: "Send push" }).click();
  await expect(page.getByLabel(/^Number to enter: /)).toBeVisible();
  await expectAccessible(page);

  // Denied on the phone; "Send push again" within 30 s of the first push says how long to wait.
  await phoneApp.reload();
  await phoneApp.getByRole("button", { name: "Deny" }).click();
  await expect(page.getByText(/The push notification was denied on your device/)).toBeVisible();
  await page.getByRole("button", { name: "Send push again" }).click();
  await expect(page.getByText(/^Please wait \d+ seconds before asking again\.$/)).toBeVisible();
  await expectAccessible(page);
  await mock.advanceClock(30);
  await page.getByRole("button", { name: "Send push again" }).click();
  const number = (await page.getByLabel(/^Number to enter: /).textContent())?.trim() ?? "";
  expect(number).toMatch(/^\d{2}$/);
  await phoneApp.reload();
  // Okta Verify asks for the number on the screen: it is typed, not picked from a list. A wrong
  // number denies the push, and the sign-in screen says so.
  // The newest push first: the one just sent.
  const push = phoneApp
    .getByRole("article")
    .filter({ hasText: "Did you just try to sign in?" })
    .first();
  await expect(push.getByRole("button", { name: /\d/ })).toHaveCount(0);
  await expectAccessible(phoneApp);
  const wrong = number === "99" ? "10" : String(Number(number) + 1);
  await push.getByLabel("Enter the number shown on the screen").fill(wrong);
  await push.getByRole("button", { name: "Approve" }).click();
  await expect(push.getByText("Answered with the wrong number.")).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("so the push was denied");
  await mock.advanceClock(30); // one push per 30 s
  await page.getByRole("button", { name: "Send push again" }).click();
  const again = (await page.getByLabel(/^Number to enter: /).textContent())?.trim() ?? "";
  await phoneApp.reload();
  const second = phoneApp.getByRole("article").filter({ hasText: "Waiting for an answer." });
  await second.getByLabel("Enter the number shown on the screen").fill(again);
  await second.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("You are now using the credentials of JSMITH01.")).toBeVisible();
});

/** The recovery codes on screen, each as shown (XXXX-XXXX-XXXX-XXXX). */
async function shownRecoveryCodes(page: Page): Promise<string[]> {
  const items = page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem");
  await expect(items).toHaveCount(10);
  return (await items.allTextContents()).map((code) => code.trim());
}

test("John saves recovery codes at the end of activation (copy, download), signs in with one, and with the last is told to set up a method again", async ({
  page,
  mock,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await activateJohn(page, mock);
  await setUpPasswordAndQuestion(page, JOHN.password);
  // A backup to an access method: offered once the required methods are set up.
  await expect(page.getByRole("link", { name: "Set up Recovery codes" })).toHaveCount(0);
  await page.getByRole("link", { name: "Set up Google Authenticator" }).click();
  await page.getByRole("button", { name: "Can't scan?" }).click();
  const key = await shownKey(page);
  await page.getByRole("link", { name: "Next" }).click();
  await page.getByLabel("Enter code").fill(await mock.totp(key));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Google Authenticator is set up." }),
  ).toBeVisible();

  await page.getByRole("link", { name: "Set up Recovery codes" }).click();
  await expect(page.getByRole("heading", { name: "Recovery codes" })).toBeVisible();
  const codes = await shownRecoveryCodes(page);
  expect(new Set(codes).size).toBe(10);
  for (const code of codes) expect(code).toMatch(/^([2-9A-HJKMNP-Z]{4}-){3}[2-9A-HJKMNP-Z]{4}$/);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByText("The codes were copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(codes.join("\n"));
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download (.txt)" }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe("traqs-recovery-codes.txt");
  const text = readFileSync(await file.path(), "utf8");
  expect(text.match(/\b([2-9A-Z]{4}-){3}[2-9A-Z]{4}\b/g)).toEqual(codes);
  expect(text).toContain("FINRA TRAQS recovery codes for john.smith@yourfirm.org");

  // Not without "I have saved these codes".
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert")).toContainText("Confirm that you have saved these codes");
  await page.getByLabel("I have saved these codes").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Set up security methods" })).toBeVisible();
  await expect(section(page, "Set up").getByText("10 codes left")).toBeVisible();
  await expect(page.getByRole("link", { name: "Set up Recovery codes" })).toHaveCount(0);
  await page.getByRole("button", { name: "Set up later" }).click();
  await expect(page.getByText("You are now using the credentials of JSMITH01.")).toBeVisible();

  // Without his phone, John signs in with a code, typed as a person might (spaces, lower case).
  await page.getByRole("button", { name: "John Smith" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await signInToFactorStep(page, JOHN);
  await page.getByRole("link", { name: "Verify with something else" }).click();
  await page.getByRole("button", { name: "Select Recovery code" }).click();
  await expect(page.getByRole("heading", { name: "Verify with a recovery code" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Enter a recovery code").fill("2222-2222-2222-2222");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toContainText("That code is not right");
  const typed = (codes[4] ?? "").toLowerCase().replaceAll("-", " ");
  await page.getByLabel("Enter a recovery code").fill(typed);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(
    page.getByText("Recovery code accepted. You have 9 recovery codes left."),
  ).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("You are now using the credentials of JSMITH01.")).toBeVisible();
  const email = await mock.latest("email", JOHN.username);
  expect(email.subject).toBe("FINRA TRAQS - A recovery code was used");
  expect(email.text).toContain("A recovery code was used; 9 left");
  // With the last code, he is told to set up a method again.
  for (const code of codes.slice(5)) await spendRecoveryCode(page, code);
  for (const code of codes.slice(0, 3)) await spendRecoveryCode(page, code);
  await page.getByRole("button", { name: "John Smith" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await signInToFactorStep(page, JOHN);
  await page.getByRole("link", { name: "Verify with something else" }).click();
  await page.getByRole("button", { name: "Select Recovery code" }).click();
  await page.getByLabel("Enter a recovery code").fill(codes[3] ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("status")).toContainText(
    "That was your last one: set up a security method again in Settings",
  );
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("You are now using the credentials of JSMITH01.")).toBeVisible();
  expect((await mock.latest("email", JOHN.username)).text).toContain(
    "A recovery code was used; 0 left",
  );
});

test("An expired activation link says so and what to do", async ({ page, mock }) => {
  await page.goto("/signin");
  const invitation = await mock.latest("email", JOHN.username);
  await mock.advanceClock(31 * 24 * 3600);
  await page.goto(invitation.link ?? "");
  await expect(page.getByRole("alert")).toContainText("This activation link has expired");
  await expect(page.getByText(/contact FINRA Operations at 1-866-776-0800/)).toBeVisible();
});
