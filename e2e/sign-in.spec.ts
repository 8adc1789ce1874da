import {
  expect,
  expectAccessible,
  JANE,
  lockJane,
  SAM,
  signInToFactorStep,
  signInWithAuthenticator,
  test,
} from "./fixtures";

test.beforeEach(async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
});

test("Jane signs in with Google Authenticator, chooses JDOE01 (not the InActive JDOE02), and signs out", async ({
  page,
  mock,
}) => {
  await expect(page.getByRole("link", { name: "Unlock account?" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Forgot password?" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Help" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Username (email address)").fill(JANE.username);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Verify with your password" })).toBeVisible();
  await expect(page.getByText(JANE.username)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Password", { exact: true }).fill(JANE.password);
  await page.getByRole("button", { name: "Verify" }).click();

  // The last used method (Google Authenticator) is offered first.
  await expect(
    page.getByRole("heading", { name: "Verify with Google Authenticator" }),
  ).toBeVisible();
  await expectAccessible(page);

  // A wrong code is refused and the field is cleared for the next one.
  const right = await mock.totp(JANE.totpKey);
  const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, "0");
  await page.getByLabel("Enter code").fill(wrong);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toContainText("That code is not right");
  await expect(page.getByLabel("Enter code")).toHaveValue("");
  await expectAccessible(page);

  // Authenticator apps show "123 456": the space is ignored.
  const code = await mock.totp(JANE.totpKey);
  await page.getByLabel("Enter code").fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  await page.getByRole("button", { name: "Verify" }).click();

  await expect(page.getByRole("heading", { name: "Select a username" })).toBeVisible();
  const usernames = page.getByLabel("Username", { exact: true });
  await expect(usernames.getByRole("option", { name: "JDOE02 (InActive)" })).toBeDisabled();
  await expect(usernames.getByRole("option", { name: "JDOE01" })).toBeEnabled();
  await expectAccessible(page);
  await usernames.selectOption("JDOE01");
  await page.getByRole("button", { name: "Select" }).click();

  await expect(page.getByRole("heading", { name: "FINRA TRAQS" })).toBeVisible();
  await expect(page.getByText("You are now using the credentials of JDOE01.")).toBeVisible();
  const switcher = page.getByRole("button", { name: /Username JDOE01/ });
  await expect(switcher).toBeVisible();
  await expectAccessible(page);

  // The username at the top right opens the switch; the InActive one still cannot be chosen.
  await switcher.click();
  const dialog = page.getByRole("dialog", { name: "Select a different username" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("option", { name: "JDOE02 (InActive)" })).toBeDisabled();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole("button", { name: "Jane Doe" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();

  // Signed out on the server too: the session no longer answers.
  const status = await page.evaluate(async () => (await fetch("/api/me")).status);
  expect(status).toBe(401);
  await page.goto("/traqs");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
});

test("Verify with something else lists only Jane's methods; the SMS code comes from the outbox", async ({
  page,
  mock,
}) => {
  await signInToFactorStep(page, JANE);
  await page.getByRole("link", { name: "Verify with something else" }).click();

  await expect(
    page.getByRole("heading", { name: "Verify it's you with a security method" }),
  ).toBeVisible();
  const options = page.getByRole("button", { name: /^Select / });
  await expect(options).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Select Google Authenticator" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Select Okta Verify" })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Select Phone +1 XXX-XXX-0143" }).click();
  await expect(page.getByRole("heading", { name: "Verify with your phone" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Receive a code via SMS" }).click();

  await expect(
    page.getByText("A code was sent to your phone. Enter the code below to verify."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Send again" })).toBeDisabled();
  await expect(page.getByText(/available in \d+ s/)).toBeVisible();
  await expectAccessible(page);

  const sms = await mock.latest("sms", JANE.phone);
  expect(sms.code).toMatch(/^\d{6}$/);
  await page.getByLabel("Enter Code").fill(sms.code ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Select a username" })).toBeVisible();
});

test("Sam, with one TRAQS username, goes straight into TRAQS", async ({ page, mock }) => {
  await signInWithAuthenticator(page, mock, SAM);
  await expect(page.getByRole("heading", { name: "FINRA TRAQS" })).toBeVisible();
  await expect(page.getByText("You are now using the credentials of SLEE01.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Select a username" })).toHaveCount(0);
  await expect(page).toHaveURL(/\/traqs$/);
});

test("An unknown username gets the same screens and the same refusal as a wrong password", async ({
  page,
}) => {
  const refusal = async (username: string) => {
    await page.goto("/signin");
    await signInToFactorStep(page, { username, password: "Not-The-Passw0rd-1" });
    const alert = page.getByRole("alert");
    await expect(alert).toBeVisible();
    return alert.textContent();
  };
  const unknown = await refusal("nobody.here@yourfirm.org");
  const known = await refusal(JANE.username);
  expect(unknown).toContain("Unable to sign in");
  expect(unknown).toBe(known);
});

test("A page opened without a session comes back after sign-in; the TRAQS tile asks for no factor again", async ({
  page,
  mock,
}) => {
  await page.goto("/app");
  await expect(page).toHaveURL(/\/signin\?from=%2Fapp/);
  await signInWithAuthenticator(page, mock, SAM);
  await expect(page.getByRole("heading", { name: "My Apps" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "FINRA TRAQS" }).click();
  await expect(page.getByText("You are now using the credentials of SLEE01.")).toBeVisible();
});

test("Repeated wrong passwords lock the account and send an Account Locked email", async ({
  page,
  mock,
}) => {
  await lockJane(page);
  const email = await mock.latest("email", JANE.username);
  expect(email.subject).toBe("FINRA TRAQS - Account Locked");

  // Even the right password is refused while the account is locked.
  await page.getByLabel("Password", { exact: true }).fill(JANE.password);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toContainText("Your account is locked");
});
