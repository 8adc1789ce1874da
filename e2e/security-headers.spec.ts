import { expect, test } from "./fixtures";

test("The app is served with a strict Content-Security-Policy and works under it", async ({
  page,
  request,
}) => {
  const response = await request.get("/signin");
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  for (const directive of [
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");

  // The page renders and the in-page mock answers under that policy (the fixture fails on violations).
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await page.getByLabel("Username (email address)").fill("jane.doe@yourfirm.org");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Verify with your password" })).toBeVisible();
});

test("A page opened by its address fetches its own code with the app's, once painted (decision 033), sent compressed under the same headers", async ({
  page,
  request,
}) => {
  const preloadsOf = async (path: string) =>
    [
      ...(await (await request.get(path)).text()).matchAll(
        /<link rel="modulepreload" crossorigin href="([^"]+)"/g,
      ),
    ].map((match) => match[1] as string);

  const preloads = await preloadsOf("/settings");
  expect(preloads.some((file) => /\/assets\/SettingsPage-[\w-]+\.js$/.test(file))).toBe(true);
  // The sign-in page's first load stays within its budget: it preloads nothing.
  expect(await preloadsOf("/signin")).toEqual([]);
  // Pages without a form on their first screen leave the form libraries (the "forms" chunk of
  // vite.config.ts) until one is opened.
  for (const path of ["/enroll", "/traqs/api/download/programmatic"])
    expect((await preloadsOf(path)).filter((file) => file.includes("/forms-"))).toEqual([]);
  expect((await preloadsOf("/settings")).filter((file) => file.includes("/forms-"))).toHaveLength(
    1,
  );

  const asset = await request.get(preloads[0] as string, { headers: { "Accept-Encoding": "br" } });
  const headers = asset.headers();
  expect(headers["content-encoding"]).toBe("br");
  expect(headers["content-security-policy"]).toContain("script-src 'self'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["cache-control"]).toContain("immutable");

  // The browser fetches them with the app's file, after the first paint, under the page's policy
  // (the fixture fails on violations).
  const requested: string[] = [];
  page.on("request", (sent) => requested.push(new URL(sent.url()).pathname));
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  expect(requested).toEqual(expect.arrayContaining(preloads));
});
