import type { APIRequestContext, Page } from "@playwright/test";
import {
  expect,
  expectAccessible,
  JANE,
  signInAsJdoe01,
  test,
  type MockBackend,
  verifyWithJanesCode,
  MOCK_SERVER,
  openFromMainMenu,
} from "./fixtures";

// The script's side runs against the local mock server, as a real script would.
test.use({ permissions: ["clipboard-read", "clipboard-write"] });

async function openProgrammatic(page: Page, mock: MockBackend) {
  await signInAsJdoe01(page, mock);
  await openFromMainMenu(page, "Programmatic");
  await expect(page.getByRole("heading", { name: "API / Download / Programmatic" })).toBeVisible();
}

const exchange = (request: APIRequestContext, form: Record<string, string>) =>
  request.post(`${MOCK_SERVER}/oauth2/token`, { form });
const downloadWith = (request: APIRequestContext, accessToken: string | null) =>
  request.get(`${MOCK_SERVER}/download/TRACE-CA/daily-list?action=download`, {
    headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {},
  });

test("Jane gets a token (verifying again), a script exchanges and renews it, and Revoke Token stops it", async ({
  page,
  mock,
  request,
}) => {
  await openProgrammatic(page, mock);
  await expect(page.getByText("No current token. Click Get Token.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Get Token" }).click();
  await expect(
    page.getByRole("heading", { name: "Verify with Google Authenticator" }),
  ).toBeVisible();
  await verifyWithJanesCode(page, mock);
  await expect(page.getByText("A new Refresh Token is now current.")).toBeVisible();

  const current = page.getByRole("region", { name: "Current Token" });
  await expect(current.getByRole("cell", { name: "True" })).toBeVisible();
  await expect(current.getByRole("cell", { name: /^18[1-4]$/ })).toBeVisible(); // days left of 6 months
  await page.getByRole("button", { name: "Copy Token" }).click();
  await expect(page.getByText("The token was copied to the clipboard.")).toBeVisible();
  const token = await page.evaluate(() => navigator.clipboard.readText());
  expect(token).toMatch(/^[\w-]{43}$/);
  await expect(current).not.toContainText(token); // masked until revealed
  await expect(current).toContainText(`••••••••${token.slice(-4)}`);
  await page.getByRole("button", { name: "Show token" }).click();
  await expect(current).toContainText(token);
  await expect(page.getByRole("region", { name: "Script examples" })).toContainText(
    `REFRESH_TOKEN="${token}"`,
  );
  await expectAccessible(page);

  // The script: an access token, a file; no token at all is 401 with a Bearer challenge.
  const granted = await exchange(request, { grant_type: "refresh_token", refresh_token: token });
  expect(granted.status()).toBe(200);
  expect(granted.headers()["cache-control"]).toBe("no-store");
  const body = (await granted.json()) as {
    access_token: string;
    token_type: string;
    expires_in: number;
  };
  expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
  const file = await downloadWith(request, body.access_token);
  expect(file.status()).toBe(200);
  expect((await file.text()).split("\n")[0]).toBe(
    "CUSIP,Symbol,Issuer,Coupon,Maturity,Grade,Effective Date,Action",
  );
  const anonymous = await downloadWith(request, null);
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["www-authenticate"]).toBe('Bearer realm="TRAQS API"');

  // An hour later the access token has expired (401 invalid_token); the script renews it.
  await mock.advanceClock(3600);
  const expired = await downloadWith(request, body.access_token);
  expect(expired.status()).toBe(401);
  expect(expired.headers()["www-authenticate"]).toContain('error="invalid_token"');
  const renewed = (await (
    await exchange(request, { grant_type: "refresh_token", refresh_token: token })
  ).json()) as { access_token: string };
  expect((await downloadWith(request, renewed.access_token)).status()).toBe(200);

  // Incomplete and unsupported requests.
  expect((await (await exchange(request, { grant_type: "refresh_token" })).json()).error).toBe(
    "invalid_request",
  );
  const password = await exchange(request, {
    grant_type: "password",
    username: "x",
    password: "y",
  });
  expect(password.status()).toBe(400);
  expect((await password.json()).error).toBe("unsupported_grant_type");

  // Later the page shows the token masked; Copy Token asks "Verify it's you", then copies it.
  await page.reload();
  await expect(current).toContainText(`••••••••${token.slice(-4)}`);
  await expect(current).not.toContainText(token);
  await expect(
    page.getByText("For your security the token is masked. Show token and Copy Token"),
  ).toBeVisible();
  await expectAccessible(page);
  await page.evaluate(() => navigator.clipboard.writeText(""));
  await page.getByRole("button", { name: "Copy Token" }).click();
  await expect(
    page.getByRole("heading", { name: "Verify with Google Authenticator" }),
  ).toBeVisible();
  await verifyWithJanesCode(page, mock);
  await expect(page.getByText("The token was copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await expect(current).not.toContainText(token); // copied, still masked on screen

  // Revoke Token: confirmed, moved to Prior Tokens, refused at once, and its access tokens end.
  await page.getByRole("button", { name: "Revoke Token" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Yes" }).click();
  await expect(page.getByText("The Refresh Token was revoked.")).toBeVisible();
  const prior = page.getByRole("region", { name: "Prior Tokens" });
  await expect(prior.getByRole("cell", { name: "False" })).toBeVisible();
  await expect(prior.getByRole("cell", { name: "Revoked", exact: true })).toBeVisible();
  await expect(prior).toContainText(`••••••••${token.slice(-4)}`);
  const refused = await exchange(request, { grant_type: "refresh_token", refresh_token: token });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error).toBe("invalid_grant");
  expect((await downloadWith(request, renewed.access_token)).status()).toBe(401);
});

test("A token expiring within 15 days shows a warning and sends a reminder email", async ({
  page,
  mock,
}) => {
  await openProgrammatic(page, mock);
  await page.getByRole("button", { name: "Get Token" }).click();
  await verifyWithJanesCode(page, mock);
  await expect(page.getByText("A new Refresh Token is now current.")).toBeVisible();
  await mock.advanceClock(172 * 86_400);
  await openProgrammatic(page, mock); // the session ended long ago: sign in again
  await expect(page.getByRole("alert")).toContainText(/Your Refresh Token expires in \d+ days?/);
  const reminder = await mock.latest("email", JANE.username);
  expect(reminder.subject).toBe("FINRA TRAQS - Your API Refresh Token expires soon");
});
