import { expect, expectAccessible, test } from "./fixtures";

test("The development inbox shows the invitation email, moves the mock clock and resets the data", async ({
  page,
  mock,
}) => {
  await page.goto("/signin");
  await page.getByRole("link", { name: "Development inbox (mock backend)" }).click();
  await expect(page.getByRole("heading", { name: "Development inbox" })).toBeVisible();

  const invitation = page.getByRole("article", { name: /FINRA TRAQS - Welcome to Okta!/ });
  await expect(invitation).toContainText("john.smith@yourfirm.org");
  // The email's call to action is the link, as in the guide's email.
  await expect(invitation.getByRole("link")).toHaveCount(1);
  await expect(invitation.getByRole("link", { name: "Activate Okta Account" })).toHaveAttribute(
    "href",
    /^\/activate\//,
  );
  await expectAccessible(page);

  const before = (await mock.clock()).epochMs;
  await page.getByLabel("Move forward by").selectOption({ label: "15 minutes" });
  await page.getByRole("button", { name: "Move clock forward" }).click();
  await expect
    .poll(async () => (await mock.clock()).epochMs - before)
    .toBeGreaterThanOrEqual(15 * 60 * 1000);

  await page.getByRole("button", { name: "Reset data" }).click();
  await expect(page.getByRole("status").filter({ hasText: "back to the seed" })).toBeVisible();
  await expect.poll(async () => (await mock.clock()).epochMs - Date.now()).toBeLessThan(60 * 1000);
});
