import type { Page } from "@playwright/test";
import {
  expect,
  JANE,
  layoutShift,
  PAT,
  signInAsAdministrator,
  signInAsJdoe01,
  test,
} from "./fixtures";
import { LANGUAGES, translator } from "./translated";

/**
 * The build writes each page's first screen into its HTML (decision 025): it shows before any
 * JavaScript has run, and the app takes it over in place.
 */

/**
 * Holds back the app's first file until `release` is called: the page is HTML and CSS only. Fails
 * the test on any error in the page (a screen that differs from its prerender is one).
 */
async function withoutJavaScriptUntilReleased(page: Page): Promise<() => void> {
  page.on("pageerror", (error) => expect.soft(error.message, "an error in the page").toBe(""));
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/**
 * Until the app has started once its first file is let through: the file, then the in-page mock
 * (its own large chunk), then the passkey button's chunk, all from that moment.
 */
const STARTED = { timeout: 30_000 };

test("Sign In shows its form before JavaScript runs; a username typed then is kept, and Next works once the app has started", async ({
  page,
}) => {
  const release = await withoutJavaScriptUntilReleased(page);
  await page.goto("/signin", { waitUntil: "commit" });
  await expect(page.getByRole("heading", { name: "Sign In", level: 1 })).toBeVisible();
  const username = page.getByLabel("Username (email address)");
  await username.fill(JANE.username);
  // Still HTML only: the passkey button is the app's, and waits for it.
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toBeDisabled();

  release();
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toBeEnabled(STARTED);
  await expect(username).toHaveValue(JANE.username);
  expect(await layoutShift(page)).toBe(0);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Verify with your password" })).toBeVisible();
  await expect(page.getByText(JANE.username)).toBeVisible();
});

test("Sign In is on screen before the app's file is even requested (decision 033)", async ({
  page,
}) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Next" })).toBeEnabled();
  const { painted, requested } = await page.evaluate(() => ({
    painted: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
    requested: performance
      .getEntriesByType("resource")
      .find((entry) => /\/assets\/index-[\w-]+\.js$/.test(entry.name))?.startTime,
  }));
  expect(painted, "a first contentful paint").toBeDefined();
  expect(requested, "the app's file, requested after that paint").toBeGreaterThan(painted ?? 0);
});

for (const { locale, lang, strings } of LANGUAGES) {
  const t = translator(strings);
  test.describe(`in ${lang}`, () => {
    test.use({ locale });

    test(`a browser in ${lang} gets Sign In in ${lang} before JavaScript runs, and never English`, async ({
      page,
    }) => {
      const english: string[] = [];
      const release = await withoutJavaScriptUntilReleased(page);
      await page.goto("/signin", { waitUntil: "commit" });
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.getByRole("heading", { name: t("signIn.title"), level: 1 })).toBeVisible();
      // From here to the started app, watch for the English heading in every frame.
      await page.evaluate(() => {
        const seen = ((window as unknown as { english: string[] }).english = [] as string[]);
        new MutationObserver(() => {
          if (document.querySelector("h1")?.textContent === "Sign In") seen.push("Sign In");
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      release();
      await expect(page.getByRole("button", { name: t("signIn.withPasskey") })).toBeEnabled(
        STARTED,
      );
      await expect(page.getByRole("heading", { name: t("signIn.title"), level: 1 })).toBeVisible();
      english.push(
        ...(await page.evaluate(() => (window as unknown as { english: string[] }).english)),
      );
      expect(english).toEqual([]);
      expect(await layoutShift(page)).toBe(0);
    });
  });
}

/**
 * Signed-in pages (decision 030): their HTML holds the frame and the page's heading, in the
 * language the browser asks for, with "Loading…" where the data goes; nothing of who is signed in.
 * Settings opens with "Verify it's you" (decision 033). Where a page opens with what it says to
 * everyone (its `lead`), that is there too (decisions 033 and 034).
 */
const SIGNED_IN_PAGES: {
  path: string;
  heading: string;
  key: string;
  frame: string;
  /** The lead's key, and how its English text begins. */
  lead?: { key: string; values?: Record<string, number>; english: string };
}[] = [
  {
    path: "/settings",
    heading: "Verify it's you with a security method",
    key: "account.verify.title",
    frame: '<main class="auth-page">',
  },
  {
    path: "/admin/users",
    heading: "Users",
    key: "admin.users.title",
    frame: '<header class="masthead',
  },
  {
    path: "/traqs/api/download/programmatic",
    heading: "API / Download / Programmatic",
    key: "api.programmatic.title",
    frame: '<header class="masthead',
    lead: { key: "api.programmatic.intro", english: "Get a Refresh Token for your scripts." },
  },
  {
    path: "/nasdaq/enroll",
    heading: "MobilePASS enrollment",
    key: "nasdaq.enroll.title",
    frame: '<main class="auth-page">',
    lead: { key: "nasdaq.enroll.lead", english: "Nasdaq provides the token only to a user" },
  },
  {
    path: "/admin/order-form",
    heading: "Order Form",
    key: "admin.orderForm.title",
    frame: '<header class="masthead',
    lead: { key: "admin.orderForm.intro", english: "Establish an API user of your firm:" },
  },
  {
    path: "/admin/firm",
    heading: "Firm",
    key: "admin.firm.title",
    frame: '<header class="masthead',
    lead: {
      key: "admin.firm.lead",
      values: { days: 30 },
      english: "Invitations go only to addresses on the firm's registered email domains.",
    },
  },
];

/** HTML as a reader sees its text (React's HTML writes an apostrophe as `&#x27;`). */
const readable = (html: string) => html.replaceAll("&#x27;", "'");
/** The page's h1 as a reader sees it. */
const h1Of = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(readable(html))?.[1];

test("signed-in pages' HTML, before any JavaScript, holds their heading in the browser's language and “Loading…” below it", async ({
  request,
}) => {
  const es = translator(LANGUAGES[0].strings);
  for (const { path, heading, key, frame, lead } of SIGNED_IN_PAGES) {
    const english = await (await request.get(path)).text();
    expect(h1Of(english), path).toBe(heading);
    if (lead) expect(readable(english)).toContain(`<p>${lead.english}`);
    expect(english).toContain('<p class="loading" role="status">Loading…</p>');
    expect(english).toContain(frame);
    const spanish = await (
      await request.get(path, { headers: { "Accept-Language": "es-ES,es;q=0.9" } })
    ).text();
    expect(h1Of(spanish), path).toBe(es(key));
    if (lead) expect(readable(spanish)).toContain(`<p>${es(lead.key, lead.values)}</p>`);
    expect(spanish).toContain(`<p class="loading" role="status">${es("common.loading")}</p>`);
  }
});

/** Fails the test on any error in the page: a hydration mismatch is one (React reports it). */
function failOnPageErrors(page: Page) {
  page.on("pageerror", (error) => expect.soft(error.message, "an error in the page").toBe(""));
  page.on("console", (message) => {
    if (message.type() === "error" && /hydrat|#418|#423|#425/i.test(message.text()))
      expect.soft(message.text(), "a hydration error").toBe("");
  });
}

test("Administration / Users opened by its address after sign-in takes its prerendered heading over in place: no layout shift, no hydration error", async ({
  page,
  mock,
}) => {
  await signInAsAdministrator(page, mock, PAT);
  failOnPageErrors(page);
  await page.goto("/admin/users");
  const heading = page.getByRole("heading", { level: 1, name: "Users" });
  await expect(heading).toBeVisible();
  // The data in: the administrator's name in the user menu, the section's navigation, the search.
  await expect(page.getByRole("button", { name: "Pat Admin" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Order Form", exact: true })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /users? found/ })).toBeVisible();
  expect(await layoutShift(page)).toBe(0);
});

test("Settings and API / Download / Programmatic opened by their address after sign-in: no layout shift, no hydration error", async ({
  page,
  mock,
}) => {
  await signInAsJdoe01(page, mock);
  failOnPageErrors(page);
  await page.goto("/traqs/api/download/programmatic");
  await expect(
    page.getByRole("heading", { level: 1, name: "API / Download / Programmatic" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Jane Doe" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Get Token" })).toBeVisible();
  expect(await layoutShift(page)).toBe(0);

  await page.goto("/settings");
  await expect(
    page.getByRole("heading", { name: "Verify it's you with a security method" }),
  ).toBeVisible();
  expect(await layoutShift(page)).toBe(0);
});
