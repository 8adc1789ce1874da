import type { Page } from "@playwright/test";
import { SESSION_COOKIE } from "../mocks/http/cookie";
import { MOCK_DATABASE } from "../mocks/db/store";
import {
  expect,
  fillNewPassword,
  JANE,
  JOHN,
  shownKey,
  signInToFactorStep,
  test,
} from "./fixtures";

/**
 * What the mock backend keeps in the page when it runs there, standing in for a server: its
 * database, its session cookie (set through document.cookie: mocks/http/cookie.ts) and MSW's copy
 * of the cookies its responses set (a localStorage key).
 */
type MockOwn = { database: string | null; cookie: string | null; localStorageKey: string | null };
const MSW_COOKIE_STORE = "__msw-cookie-store__";

/**
 * Everything the page can read back from the browser, as text, by where it is kept: web storage,
 * the cookies scripts can read, every IndexedDB database and store, Cache Storage and the state of
 * the current history entry. What the mock keeps for itself is left out, by name.
 */
function readBrowserStorage(page: Page, mockOwn: MockOwn): Promise<Record<string, string>> {
  return page.evaluate(async ({ database, cookie, localStorageKey }) => {
    const settled = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
      });
    // Binary values as the text they may hold; JSON alone would write {}.
    const asText = (_key: string, value: unknown) =>
      value instanceof ArrayBuffer || ArrayBuffer.isView(value)
        ? new TextDecoder().decode(value)
        : value;
    const stores: Record<string, unknown> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name || name === database) continue;
      const opened = await settled(indexedDB.open(name));
      for (const store of Array.from(opened.objectStoreNames)) {
        const objects = opened.transaction(store).objectStore(store);
        const [keys, values] = await Promise.all([
          settled(objects.getAllKeys()),
          settled(objects.getAll()),
        ]);
        stores[`${name}/${store}`] = { keys, values };
      }
      opened.close();
    }
    const cached: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        cached.push(`${name} ${request.url} ${await (await cache.match(request))?.text()}`);
      }
    }
    return {
      localStorage: JSON.stringify(
        Object.entries(localStorage).filter(([key]) => key !== localStorageKey),
      ),
      sessionStorage: JSON.stringify({ ...sessionStorage }),
      "a readable cookie": document.cookie
        .split("; ")
        .filter((pair) => !cookie || !pair.startsWith(`${cookie}=`))
        .join("; "),
      IndexedDB: JSON.stringify(stores, asText),
      "Cache Storage": JSON.stringify(cached),
      "the history entry's state": JSON.stringify(history.state),
    };
  }, mockOwn);
}

/**
 * SECURITY 25, on either backend (`e2e/secrets.spec.ts` in the page, `e2e/secrets.server.spec.ts`
 * on the local server): an invited user activates and sets up an authenticator, an enrolled one
 * signs in with an SMS code and gets a refresh token. What the browser keeps is read after each
 * step, and no secret met on the way may be in it, in a URL after the emailed link, in the history
 * or in the console.
 */
export function secretsStayOutOfTheBrowser() {
  test("Passwords, codes, TOTP secrets, tokens and emailed links never land in storage, the console or a URL", async ({
    page,
    mock,
    context,
  }, testInfo) => {
    test.slow(); // an activation, a set-up, a sign-in and a token, each step read back
    const mockInPage = testInfo.project.name !== "mock-server";
    const mockOwn = mockInPage
      ? { database: MOCK_DATABASE, cookie: SESSION_COOKIE, localStorageKey: MSW_COOKIE_STORE }
      : { database: null, cookie: null, localStorageKey: null };
    const consoleLines: string[] = [];
    const urls: string[] = [];
    page.on("console", (message) => consoleLines.push(message.text()));
    page.on("pageerror", (error) => consoleLines.push(`${error.message}\n${error.stack}`));
    page.on("request", (request) => urls.push(request.url()));
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) urls.push(frame.url());
    });
    const stored: Record<string, string>[] = [];
    const readStorage = async () => stored.push(await readBrowserStorage(page, mockOwn));
    const secrets = new Map<string, string>([["Jane's password", JANE.password]]);

    // John's activation link: its token is in the emailed URL, and nowhere after that.
    await page.goto("/signin");
    const invitation = await mock.latest("email", JOHN.username);
    const link = new URL(invitation.link ?? "", page.url()).href;
    secrets.set("activation token", link.split("/").pop() ?? "");
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Set up security methods" })).toBeVisible();
    await expect(page).toHaveURL(/\/enroll$/);
    await readStorage();
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
    await readStorage();
    await page.getByRole("link", { name: "Next" }).click();
    const enrollCode = await mock.totp(totpSecret);
    secrets.set("enrollment code", enrollCode);
    await page.getByLabel("Enter code").fill(enrollCode);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Google Authenticator is set up." }),
    ).toBeVisible();
    await readStorage();
    await context.clearCookies();

    // Jane signs in with a code sent by SMS.
    await signInToFactorStep(page, JANE);
    await page.getByRole("link", { name: "Verify with something else" }).click();
    await readStorage();
    await page.getByRole("button", { name: "Select Phone +1 XXX-XXX-0143" }).click();
    await page.getByRole("button", { name: "Receive a code via SMS" }).click();
    const sms = await mock.latest("sms", JANE.phone);
    secrets.set("SMS code", sms.code ?? "");
    await page.getByLabel("Enter Code").fill(sms.code ?? "");
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByLabel("Username", { exact: true }).selectOption("JDOE01");
    await readStorage();
    await page.getByRole("button", { name: "Select" }).click();
    // The choice is made once TRAQS opens: an address typed before would be sent back to choose.
    await expect(page.getByRole("heading", { name: "FINRA TRAQS" })).toBeVisible();

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
    await readStorage();

    // The session cookie is out of the page's reach, or, with the mock in the page, the mock's
    // own: it can only set cookies through document.cookie (mocks/http/cookie.ts).
    const session = (await context.cookies()).filter((cookie) => cookie.value.length >= 16);
    expect(session.length).toBeGreaterThan(0);
    for (const cookie of session) {
      if (mockInPage) expect(cookie.name).toBe(SESSION_COOKIE);
      else expect(cookie.httpOnly, `${cookie.name} is HttpOnly`).toBe(true);
      secrets.set(`cookie ${cookie.name}`, cookie.value);
    }

    // Opening the emailed link is the one place its token may be: the user's own click.
    const laterUrls = urls.filter((url) => url !== link);
    expect(laterUrls.length).toBeGreaterThan(10);
    for (const [name, secret] of secrets) {
      expect(secret, name).not.toBe("");
      for (const [step, storage] of stored.entries()) {
        for (const [where, text] of Object.entries(storage)) {
          expect(text, `${name} in ${where}, read ${step + 1} of ${stored.length}`).not.toContain(
            secret,
          );
        }
      }
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
}
