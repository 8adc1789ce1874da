import {
  activateJohn,
  expect,
  expectAccessible,
  fillNewPassword,
  JANE,
  JOHN,
  signInToFactorStep,
  test,
} from "./fixtures";
import {
  endSession,
  expectOldCopyRefused,
  setUpJanesPasskey,
  signOut,
  withoutPasskeyAutofill,
} from "./passkey-steps";

test("John sets up a passkey during activation, then signs in with it alone", async ({
  page,
  mock,
  passkeys,
}) => {
  await withoutPasskeyAutofill(page);
  await activateJohn(page, mock);
  await page.getByRole("link", { name: "Set up Password" }).click();
  await fillNewPassword(page, JOHN.password);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("link", { name: "Set up Security Question" }).click();
  await page.getByLabel("Choose a security question", { exact: true }).last().selectOption({
    label: "What is the name of your first stuffed animal?",
  });
  await page.getByLabel("Answer", { exact: true }).fill("Rex the bear");
  await page.getByRole("button", { name: "Verify" }).click();
  // The choice of access methods (guide step 8) says which resist phishing and which NIST restricts.
  await expect(
    page.getByText("Resists phishing: a passkey works only on this site."),
  ).toBeVisible();
  await expect(
    page.getByText("NIST restricts SMS and voice codes: they can be intercepted."),
  ).toBeVisible();
  await page.getByRole("link", { name: "Set up Passkey" }).click();
  await page.getByRole("button", { name: "Create a passkey" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Passkey is set up." })).toBeVisible();
  const [credential] = await passkeys.credentials();
  expect(credential).toMatchObject({ isResidentCredential: true, rpId: "localhost" });
  expect((await mock.latest("email", JOHN.username)).text).toContain("Passkey (");

  await page.getByRole("button", { name: "Set up later" }).click();
  await expect(page.getByText("You are now using the credentials of JSMITH01.")).toBeVisible();
  await signOut(page, "John Smith");
  await expectAccessible(page);

  // No username typed: the passkey names John, and it is the whole sign-in.
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByText("You are now using the credentials of JSMITH01.")).toBeVisible();
});

test("Jane sets up a passkey in Settings, renames it, verifies with it, and removes it", async ({
  page,
  mock,
  passkeys,
}) => {
  const methods = await setUpJanesPasskey(page, mock, passkeys);
  const row = methods.getByRole("listitem").filter({ hasText: "On one device only" });
  await expect(row).toContainText("Not used yet");
  await expect(row).toContainText(/Created /);
  const name = (await row.locator("span.method-name > span").first().textContent()) ?? "";
  expect(name).toMatch(/^Chrome on /);
  await expect(methods.getByRole("button", { name: "Set up another Passkey" })).toBeVisible();
  await expectAccessible(page);
  const email = await mock.latest("email", JANE.username);
  expect(email.subject).toBe("FINRA TRAQS - Security method enrolled");
  expect(email.text).toContain(`Passkey (${name})`);

  await methods.getByRole("button", { name: `Rename ${name}` }).click();
  await page.getByLabel("Passkey name").fill("Work laptop");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "The passkey was renamed." }),
  ).toBeVisible();
  await expect(methods.getByRole("button", { name: "Remove Work laptop" })).toBeVisible();

  // Remove: Yes, the password, then "Verify with something else" → the passkey.
  await methods.getByRole("button", { name: "Remove Work laptop" }).click();
  await expect(page.getByRole("dialog")).toContainText(
    "Are you sure you want to remove Work laptop enrollment?",
  );
  await page.getByRole("dialog").getByRole("button", { name: "Yes" }).click();
  await page.getByLabel("Password", { exact: true }).fill(JANE.password);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await page.getByRole("button", { name: "Verify with something else" }).click();
  await page.getByRole("button", { name: "Select Passkey" }).click();
  await expect(page.getByRole("heading", { name: "Verify with a passkey" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "You have successfully removed Work laptop" }),
  ).toBeVisible();
  await expect(methods.getByRole("button", { name: "Remove Work laptop" })).toHaveCount(0);
  const removed = await mock.latest("email", JANE.username);
  expect(removed.subject).toBe("FINRA TRAQS - Security method reset");
  expect(removed.text).toContain("Passkey (Work laptop)");

  await page.getByRole("button", { name: "Jane Doe" }).click();
  await page.getByRole("link", { name: "Recent Activity" }).click();
  await expect(page.getByText("Security method removed").first()).toBeVisible();
});

test("Jane signs in through the username field's passkey autofill, and with a passkey after her password", async ({
  page,
  mock,
  passkeys,
}) => {
  await setUpJanesPasskey(page, mock, passkeys);
  const giveBack = await passkeys.holdBack();
  await signOut(page, "Jane Doe");
  // The username field offers passkeys (autocomplete="username webauthn"). The virtual
  // authenticator answers the page's autofill request at once when it holds a passkey as the page
  // opens, as a person picking Jane's among the field's suggestions would: no button, nothing typed.
  await expect(page.getByLabel("Username (email address)")).toHaveAttribute(
    "autocomplete",
    "username webauthn",
  );
  await giveBack();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Select a username" })).toBeVisible();
  await page.getByLabel("Username", { exact: true }).selectOption("JDOE01");
  await page.getByRole("button", { name: "Select" }).click();
  await expect(page.getByText("You are now using the credentials of JDOE01.")).toBeVisible();

  const giveBackAgain = await passkeys.holdBack();
  await signOut(page, "Jane Doe");
  // Now the password first: the page asks for no autofill, so the passkey is not taken from the
  // username field before Next (a request still pending would race the typing).
  await withoutPasskeyAutofill(page);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await giveBackAgain();
  await signInToFactorStep(page, JANE);
  await page.getByRole("link", { name: "Verify with something else" }).click();
  await page.getByRole("button", { name: "Select Passkey" }).click();
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page.getByRole("heading", { name: "Select a username" })).toBeVisible();
});

test("a passkey of another site, or a copied one whose counter went back, is refused", async ({
  page,
  mock,
  passkeys,
}) => {
  await withoutPasskeyAutofill(page);
  await setUpJanesPasskey(page, mock, passkeys);
  const [janes] = await passkeys.credentials();
  if (!janes) throw new Error("No passkey was created");
  await signOut(page, "Jane Doe");

  // Only a passkey made for another RP ID: the browser has none for this site, nothing signs in.
  await passkeys.clear();
  await passkeys.addCredential({ ...janes, rpId: "evil.example" });
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("alert")).toContainText("No passkey was used");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();

  // Jane's own passkey signs in once (its counter moves on)...
  await passkeys.clear();
  await passkeys.addCredential(janes);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("heading", { name: "Select a username" })).toBeVisible();
  await endSession(page);

  // ...then a copy of it as it was before is refused, and Jane is told by email.
  await expectOldCopyRefused(page, mock, passkeys, janes);
});
