import { expect, MOCK_SERVER, test } from "./fixtures";

// Cross-site request forgery as a browser really sends it (SECURITY 40): another site's page posts
// a form to the backend. Its text/plain body is valid JSON, so only the backend's own checks (the
// request's origin, its content type) stand in the way.

test("Another site's form cannot change the backend (here: move the mock clock a day)", async ({
  page,
  request,
  baseURL,
  extraHTTPHeaders,
}) => {
  const clock = async () =>
    ((await (await request.get(`${MOCK_SERVER}/__dev/clock`)).json()) as { epochMs: number })
      .epochMs;
  const before = await clock();
  const attacker = "http://attacker.example/";
  await page.route(attacker, (route) =>
    route.fulfill({
      contentType: "text/html",
      body:
        `<form method="post" enctype="text/plain" action="${baseURL}/__dev/clock">` +
        `<input type="hidden" name='{"advanceSeconds":86400,"x":"' value='"}'>` +
        "<button>Claim your prize</button></form>",
    }),
  );
  await page.goto(attacker);
  const answer = page.waitForResponse(`${baseURL}/__dev/clock`);
  await page.getByRole("button", { name: "Claim your prize" }).click();
  expect((await answer).status()).toBe(403);
  // The forged post reached this test's namespace, whose clock is read: else it could pass unseen.
  expect((await (await answer).request().allHeaders())["x-mock-namespace"]).toBe(
    extraHTTPHeaders?.["X-Mock-Namespace"],
  );
  expect(await clock()).toBeLessThan(before + 3_600_000);
});
