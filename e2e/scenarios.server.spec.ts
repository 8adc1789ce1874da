import { expect, signInWithAuthenticator, test } from "./fixtures";

/**
 * QA's kit on the shared local server: a namespace of this test's own (so it needs no reset and
 * disturbs no other run) and a user made for it with `POST /__dev/users`.
 */
test.use({ extraHTTPHeaders: { "X-Mock-Namespace": `e2e-scenarios-${Date.now()}` } });

test("a scenario's user signs in with the key it was created with, in its own namespace", async ({
  page,
  mock,
}) => {
  await page.goto("/signin");
  const user = await mock.createUser({
    methods: ["google_authenticator"],
    traqsUsernames: [{ username: "QASCEN01", active: true }],
  });
  const [authenticator] = user.methods;
  await signInWithAuthenticator(page, mock, {
    username: user.login,
    password: user.password ?? "",
    totpKey: authenticator?.secret ?? "",
  });
  await expect(page.getByRole("heading", { name: "FINRA TRAQS" })).toBeVisible();
  await expect(page.getByText("You are now using the credentials of QASCEN01.")).toBeVisible();

  // Another namespace has no such user; this one has.
  const outside = await page.request.post("/__dev/users", {
    data: { login: user.login },
    headers: { "X-Mock-Namespace": `e2e-other-${Date.now()}` },
  });
  expect(outside.status()).toBe(201);
  const inside = await page.request.post("/__dev/users", { data: { login: user.login } });
  expect(inside.status()).toBe(409);
});

// The example of docs/qa.md, "A new flow, step by step": keep the two in step.
test("a user with SMS only signs in with the texted code", async ({ page, mock }) => {
  await page.goto("/signin");
  // 1. The user this test needs, and its secrets.
  const user = await mock.createUser({ methods: ["sms"] });
  // 2. Drive the app by its words, waiting for each screen.
  await page.getByLabel("Username (email address)").fill(user.login);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Password", { exact: true }).fill(user.password ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Verify with your phone" })).toBeVisible();
  await page.getByRole("button", { name: "Receive a code via SMS" }).click();
  // 3. Read the code where the phone would: the development inbox.
  const text = await mock.latest("sms", "");
  await page.getByLabel("Enter code").fill(text.code ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "FINRA TRAQS" })).toBeVisible();
});
