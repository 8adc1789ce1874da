import type { Page, Route } from "@playwright/test";
import {
  activateJohn,
  expect,
  expectAccessible,
  fillNewPassword,
  JANE,
  signInToFactorStep,
  signInAsJdoe01,
  test,
  verifyWithJanesCode,
  confirmWithPasswordAndCode,
  JOHN,
} from "./fixtures";

// Faults injected between the page and the local server: a 500, going offline, a dropped request.
// Each must show a clear message, keep what the user typed, allow a retry, and never be resent
// on its own.

/** Fails the next matching request the given way, counts every attempt, then lets requests through. */
async function failOnce(
  page: Page,
  pattern: string,
  method: string,
  fault: (route: Route) => Promise<void>,
) {
  const attempts = { count: 0 };
  await page.route(pattern, async (route) => {
    if (route.request().method() !== method) return route.fallback();
    attempts.count += 1;
    if (attempts.count === 1) return fault(route);
    return route.fallback();
  });
  return attempts;
}
const serverError = (route: Route) =>
  route.fulfill({
    status: 500,
    contentType: "application/json",
    body: JSON.stringify({ error: { code: "SERVER_ERROR", message: "boom" } }),
  });
const dropped = (route: Route) => route.abort("connectionreset");

test("Sign-in: a 500 on the password step keeps the password and the retry works", async ({
  page,
}) => {
  await page.goto("/signin");
  const attempts = await failOnce(page, "**/api/authn/password", "POST", serverError);
  await signInToFactorStep(page, JANE);
  await expect(page.getByRole("alert")).toContainText("Something went wrong on our side");
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue(JANE.password);
  await page.waitForTimeout(1000);
  expect(attempts.count).toBe(1); // a mutation is never repeated on its own
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(
    page.getByRole("heading", { name: "Verify with Google Authenticator" }),
  ).toBeVisible();
});

test("Sign-in: a password step that gets no answer shows progress, then times out, keeps the password and can be retried", async ({
  page,
}) => {
  test.slow(); // 20 s of it is the wait for the request's timeout
  await page.goto("/signin");
  // The server never answers the first try: the page gives up after REQUEST_TIMEOUT_MS (20 s).
  const attempts = await failOnce(
    page,
    "**/api/authn/password",
    "POST",
    () => new Promise(() => {}),
  );
  await signInToFactorStep(page, JANE);
  await expect(page.getByRole("button", { name: "Please wait…" })).toBeDisabled();
  await expect(page.getByRole("alert")).toContainText("The server took too long to answer", {
    timeout: 25_000,
  });
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue(JANE.password);
  expect(attempts.count).toBe(1);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(
    page.getByRole("heading", { name: "Verify with Google Authenticator" }),
  ).toBeVisible();
});

test("Enrollment: going offline keeps both password fields and the set-up goes on once back", async ({
  page,
  mock,
}) => {
  await page.goto("/signin");
  const invitation = await mock.latest("email", JOHN.username);
  await page.goto(invitation.link ?? "");
  await page.getByRole("link", { name: "Set up Password" }).click();
  await fillNewPassword(page, "Correct-Horse-7-Battery");
  // Offline, as the browser reports it (Chromium's offline mode does not cut localhost).
  const attempts = await failOnce(page, "**/api/enroll/password", "POST", (route) =>
    route.abort("internetdisconnected"),
  );
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("alert")).toContainText("The server could not be reached");
  await expect(page.getByLabel("Enter password", { exact: true })).toHaveValue(
    "Correct-Horse-7-Battery",
  );
  await expect(page.getByLabel("Re-enter password")).toHaveValue("Correct-Horse-7-Battery");
  expect(attempts.count).toBe(1);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password is set up." })).toBeVisible();
});

test("Set up security question: a list of questions slow to come keeps Verify off until it is there, then the first question is chosen", async ({
  page,
  mock,
}) => {
  await activateJohn(page, mock);
  let releaseQuestions = () => undefined as void;
  const questionsHeld = new Promise<void>((resolve) => (releaseQuestions = resolve));
  await page.route("**/api/enroll/security-questions", async (route) => {
    await questionsHeld;
    await route.fallback();
  });
  await page.getByRole("link", { name: "Set up Security Question" }).click();
  await page.getByLabel("Answer", { exact: true }).fill("Rex the bear");
  const verify = page.getByRole("button", { name: "Verify" });
  await expect(verify).toBeDisabled();

  releaseQuestions();
  await expect(page.getByRole("combobox", { name: "Choose a security question" })).toHaveValue(
    "What is the food you least liked as a child?",
  );
  await verify.click();
  await expect(
    page.getByRole("status").filter({ hasText: "Security Question is set up." }),
  ).toBeVisible();
});

test("Remove method, Get Token and Revoke Token survive a failed request and can be retried", async ({
  page,
  mock,
}) => {
  await signInAsJdoe01(page, mock);

  // Remove a method: the failure is shown, the phone is still there, and Remove works again.
  await page.goto("/settings");
  await page.getByRole("button", { name: "Select Google Authenticator" }).click();
  await verifyWithJanesCode(page, mock);
  const removal = await failOnce(page, "**/api/account/methods/*", "DELETE", serverError);
  const removeOnce = async () => {
    await page.getByRole("button", { name: "Remove +1 XXX-XXX-0143" }).click();
    await confirmWithPasswordAndCode(page, mock);
  };
  await removeOnce();
  await expect(page.getByRole("alert")).toContainText("Something went wrong on our side");
  await expect(page.getByRole("button", { name: "Remove +1 XXX-XXX-0143" })).toBeVisible();
  expect(removal.count).toBe(1);
  await removeOnce();
  await expect(page.getByText("You have successfully removed +1 XXX-XXX-0143")).toBeVisible();

  // Get Token: a dropped request is reported; Get Token again (verifying again) works.
  await page.goto("/traqs/api/download/programmatic");
  const creation = await failOnce(page, "**/api/traqs/api/tokens", "POST", dropped);
  const getToken = async () => {
    await page.getByRole("button", { name: "Get Token" }).click();
    await verifyWithJanesCode(page, mock);
  };
  await getToken();
  await expect(page.getByRole("alert")).toContainText("The server could not be reached");
  await expect(page.getByText("No current token. Click Get Token.")).toBeVisible();
  expect(creation.count).toBe(1);
  await getToken();
  await expect(page.getByText("A new Refresh Token is now current.")).toBeVisible();

  // Revoke Token: a 500 leaves the token active; Revoke again works.
  const revocation = await failOnce(page, "**/api/traqs/api/tokens/revoke", "POST", serverError);
  const revoke = async () => {
    await page.getByRole("button", { name: "Revoke Token" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Yes" }).click();
  };
  await revoke();
  await expect(page.getByRole("alert")).toContainText("Something went wrong on our side");
  await expect(
    page.getByRole("region", { name: "Current Token" }).getByRole("cell", { name: "True" }),
  ).toBeVisible();
  expect(revocation.count).toBe(1);
  await revoke();
  await expect(page.getByText("The Refresh Token was revoked.")).toBeVisible();
});

/** The app's code, every chunk of it: what a page or part loaded on demand fetches. */
const APP_CODE = "**/assets/*.js";
const LOAD_FAILED =
  "This part of the page could not be loaded. Check your connection, then reload the page.";

/** Offline as far as the app's code goes; returns the way back online. */
async function cutOffAppCode(page: Page): Promise<() => Promise<void>> {
  await page.route(APP_CODE, (route) => route.abort("internetdisconnected"));
  return () => page.unroute(APP_CODE);
}

test("Get Token's verification, fetched when first needed, says so when it cannot be fetched, and works after a reload", async ({
  page,
  mock,
}) => {
  await signInAsJdoe01(page, mock);
  await page.goto("/traqs/api/download/programmatic");
  await expect(page.getByRole("heading", { name: "API / Download / Programmatic" })).toBeVisible();

  // Its parts loaded on demand cannot be fetched.
  const backOnline = await cutOffAppCode(page);
  await page.getByRole("button", { name: "Get Token" }).click();
  await expect(page.getByRole("alert")).toContainText(LOAD_FAILED);

  await backOnline();
  await page.getByRole("button", { name: "Reload the page" }).click();
  await page.getByRole("button", { name: "Get Token" }).click();
  await verifyWithJanesCode(page, mock);
  await expect(page.getByText("A new Refresh Token is now current.")).toBeVisible();
});

test("A page whose code cannot be fetched says so instead of going blank; Back and a reload recover", async ({
  page,
}) => {
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  // Sign In has loaded all of its code (the prerendered page shows before it does: decision 025).
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toBeEnabled();

  // Help's code cannot be fetched, nor the strings of every page but Sign In.
  const backOnline = await cutOffAppCode(page);
  await page.getByRole("link", { name: "Help" }).click();
  await expect(page.getByRole("alert")).toContainText(LOAD_FAILED);
  await expectAccessible(page);
  // Sign In is already here: Back shows it again, not the message.
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);

  await page.goForward();
  await expect(page.getByRole("button", { name: "Reload the page" })).toBeVisible();
  await backOnline();
  await page.getByRole("button", { name: "Reload the page" }).click();
  await expect(page.getByRole("heading", { name: "Help", level: 1 })).toBeVisible();
});

test("A refusal that arrives while Sign In is loading (no session, a slow answer) leaves it working", async ({
  page,
}) => {
  // Settings asks for the user and the account at once; with no session both are refused. Here the
  // account's refusal is slow: it arrives while Sign In, already open, is still asking where
  // this browser's sign-in stands.
  const slowly = (ms: number) => async (route: Route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  };
  const account = await failOnce(page, "**/api/account", "GET", slowly(1_500));
  const authn = await failOnce(page, "**/api/authn", "GET", slowly(3_000));
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  // Sign In shows its form while it asks (decision 025); it asks again, and gets its answer.
  await expect.poll(() => [account.count, authn.count]).toEqual([1, 2]);
  await page.getByLabel("Username (email address)").fill(JANE.username);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Verify with your password" })).toBeVisible();
});
