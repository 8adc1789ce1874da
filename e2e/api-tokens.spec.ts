import {
  expect,
  expectAccessible,
  openFromMainMenu,
  signInAsJdoe01,
  test,
  verifyWithJanesCode,
} from "./fixtures";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

// The in-page mock keeps only a sealed copy of the token and its key apart in IndexedDB: after a
// reload (a new copy of the mock) a fresh verification still shows the token Get Token gave.
test("Show token after the token is masked verifies again, then shows the token Get Token gave", async ({
  page,
  mock,
}) => {
  await signInAsJdoe01(page, mock);
  await openFromMainMenu(page, "Programmatic");
  await page.getByRole("button", { name: "Get Token" }).click();
  await verifyWithJanesCode(page, mock);
  await expect(page.getByText("A new Refresh Token is now current.")).toBeVisible();
  await page.getByRole("button", { name: "Copy Token" }).click();
  await expect(page.getByText("The token was copied to the clipboard.")).toBeVisible();
  const token = await page.evaluate(() => navigator.clipboard.readText());
  expect(token).toMatch(/^[\w-]{43}$/);

  // Five minutes on, and after a reload, the page gets the token masked.
  await mock.advanceClock(5 * 60);
  await page.reload();
  const current = page.getByRole("region", { name: "Current Token" });
  await expect(current).toContainText(`••••••••${token.slice(-4)}`);
  await page.getByRole("button", { name: "Show token" }).click();
  await expect(
    page.getByRole("heading", { name: "Verify with Google Authenticator" }),
  ).toBeVisible();
  await expectAccessible(page);
  await verifyWithJanesCode(page, mock);
  await expect(current).toContainText(token);
  await expect(page.getByRole("button", { name: "Hide token" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(page.getByRole("region", { name: "Script examples" })).toContainText(
    `REFRESH_TOKEN="${token}"`,
  );
  await expectAccessible(page);
});
