import {
  expect,
  fillNewPassword,
  JANE,
  JOHN,
  shownKey,
  signInToFactorStep,
  test,
  startEachTestFromTheSeed,
} from "./fixtures";

// Against the local server, so that the page's storage is the app's alone (the in-page mock keeps
// its database in localStorage, the one allowed exception).
startEachTestFromTheSeed();

test("Passwords, codes, TOTP secrets, tokens and emailed links never land in storage, the console or a URL", async ({
  page,
  mock,
  context,
}) => {
  const consoleLines: string[] = [];
  const urls: string[] = [];
  page.on("console", (message) => consoleLines.push(message.text()));
  page.on("request", (request) => urls.push(request.url()));
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url());
  });
  const secrets = new Map<string, string>([["Jane's password", JANE.password]]);

  // John's activation link: its token is in the emailed URL, and nowhere after that.
  await page.goto("/signin");
  const invitation = await mock.latest("email", JOHN.username);
  const link = new URL(invitation.link ?? "", page.url()).href;
  secrets.set("activation token", link.split("/").pop() ?? "");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Set up security methods" })).toBeVisible();
  await expect(page).toHaveURL(/\/enroll$/);
  // His password and security answer first, as the guide's activation asks.
  secrets.set("John's password", JOHN.password);
  await page.getByRole("link", { name: "Set up Password" }).click();
  await fillNewPassword(page, JOHN.password);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password is set up." })).toBeVisible();
  const answer = "Rex the bear";
  secrets.set("security answer", answer);
  await page.getByRole("link", { name: "Set up Security Question" }).click();
  await page.getByLabel("Answer", { exact: true }).fill(answer);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Security Question is set up." }),
  ).toBeVisible();
  // His Google Authenticator key (a TOTP secret), and the code that proves it.
  await page.getByRole("link", { name: "Set up Google Authenticator" }).click();
  await page.getByRole("button", { name: "Can't scan?" }).click();
  const totpSecret = await shownKey(page);
  expect(totpSecret).toMatch(/^[A-Z2-7]{32}$/);
  secrets.set("TOTP secret", totpSecret);
  await page.getByRole("link", { name: "Next" }).click();
  const enrollCode = await mock.totp(totpSecret);
  secrets.set("enrollment code", enrollCode);
  await page.getByLabel("Enter code").fill(enrollCode);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Google Authenticator is set up." }),
  ).toBeVisible();
  await context.clearCookies();

  // Jane signs in with a code sent by SMS.
  await signInToFactorStep(page, JANE);
  await page.getByRole("link", { name: "Verify with something else" }).click();
  await page.getByRole("button", { name: "Select Phone +1 XXX-XXX-0143" }).click();
  await page.getByRole("button", { name: "Receive a code via SMS" }).click();
  const sms = await mock.latest("sms", JANE.phone);
  secrets.set("SMS code", sms.code ?? "");
  await page.getByLabel("Enter Code").fill(sms.code ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await page.getByLabel("Username", { exact: true }).selectOption("JDOE01");
  await page.getByRole("button", { name: "Select" }).click();

  // Get Token after an authenticator code, then show the token.
  await page.goto("/traqs/api/download/programmatic");
  await page.getByRole("button", { name: "Get Token" }).click();
  // It offers the method last used (the phone); the authenticator app is one choice away.
  await page.getByRole("button", { name: "Verify with something else" }).click();
  await page.getByRole("button", { name: "Select Google Authenticator" }).click();
  await mock.advanceClock(30);
  const code = await mock.totp(JANE.totpKey);
  secrets.set("authenticator code", code);
  await page.getByLabel("Enter code").fill(code);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page.getByText("A new Refresh Token is now current.")).toBeVisible();
  await page.getByRole("button", { name: "Show token" }).click();
  const current = page.getByRole("region", { name: "Current Token" });
  const token = (await current.textContent())?.match(/[\w-]{43}/)?.[0] ?? "";
  expect(token).not.toBe("");
  secrets.set("refresh token", token);

  // The session cookie is out of the page's reach.
  const session = (await context.cookies()).filter((cookie) => cookie.value.length >= 16);
  expect(session.length).toBeGreaterThan(0);
  for (const cookie of session) {
    expect(cookie.httpOnly, `${cookie.name} is HttpOnly`).toBe(true);
    secrets.set(`cookie ${cookie.name}`, cookie.value);
  }

  const storage = await page.evaluate(() => ({
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
    cookie: document.cookie,
  }));
  // Opening the emailed link is the one place its token may be: the user's own click.
  const laterUrls = urls.filter((url) => url !== link);
  expect(laterUrls.length).toBeGreaterThan(10);
  for (const [name, secret] of secrets) {
    expect(secret, name).not.toBe("");
    expect(storage.local, `${name} in localStorage`).not.toContain(secret);
    expect(storage.session, `${name} in sessionStorage`).not.toContain(secret);
    expect(storage.cookie, `${name} readable from document.cookie`).not.toContain(secret);
    expect(
      laterUrls.filter((url) => url.includes(secret)),
      `${name} in a URL`,
    ).toEqual([]);
    expect(
      consoleLines.filter((line) => line.includes(secret)),
      `${name} in the console`,
    ).toEqual([]);
  }
});
