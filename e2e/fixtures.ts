import axe, { type RunOptions } from "axe-core";
import {
  test as base,
  expect,
  type BrowserContext,
  type CDPSession,
  type Page,
} from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import type { ClockState, OutboxChannel, OutboxMessage } from "../src/api/contracts/dev";
import type { CreatedUser, CreateUserRequest } from "../src/api/contracts/scenarios";
import { MOCK_SERVER_PORT } from "../playwright.config";

/**
 * The mock backend as a tester reaches it: through the page (its service worker answers), the way
 * QA scripts use `/__dev/*`. Each test has its own browser context, so its own seeded database.
 */
export class MockBackend {
  /** `inPage`: the mock runs in the page (service worker); otherwise the page reaches the local server. */
  constructor(
    private readonly page: Page,
    private readonly inPage = true,
  ) {}

  private async call<T>(path: string, method = "GET", body?: unknown): Promise<T> {
    try {
      return await this.callOnce<T>(path, method, body);
    } catch (error) {
      // The in-page mock reloads a page its worker did not control (mocks/browser.ts); a reading
      // sent from the page as it went away is sent again from the new one (a change is not: it
      // may have been made).
      if (method !== "GET" || !String(error).includes("Execution context was destroyed"))
        throw error;
      return this.callOnce<T>(path, method, body);
    }
  }

  private async callOnce<T>(path: string, method: string, body: unknown): Promise<T> {
    // The in-page mock answers once the app has started it in this page (mocks/browser.ts).
    if (this.inPage) await inPageMockReady(this.page);
    return this.page.evaluate(
      async ({ path, method, body }) => {
        const response = await fetch(path, {
          method,
          headers: body === undefined ? {} : { "Content-Type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
        return (await response.json()) as T;
      },
      { path, method, body },
    );
  }

  outbox(): Promise<OutboxMessage[]> {
    return this.call("/__dev/outbox");
  }

  clock(): Promise<ClockState> {
    return this.call("/__dev/clock");
  }

  advanceClock(seconds: number): Promise<ClockState> {
    return this.call("/__dev/clock", "POST", { advanceSeconds: seconds });
  }

  /** The newest message on a channel to someone, waiting for it to arrive. */
  async latest(channel: OutboxChannel, to: string, after = 0): Promise<OutboxMessage> {
    let found: OutboxMessage | undefined;
    await expect
      .poll(async () => {
        const messages = await this.outbox();
        found = messages.find((m) => m.channel === channel && m.to.startsWith(to));
        return messages.filter((m) => m.channel === channel && m.to.startsWith(to)).length > after;
      })
      .toBe(true);
    return found as OutboxMessage;
  }

  /**
   * A user in a described state (`POST /__dev/users`, docs/qa.md), with what the test needs to
   * drive it: its password, TOTP keys, phone numbers, recovery codes, activation link.
   */
  createUser(described: CreateUserRequest = {}): Promise<CreatedUser> {
    return this.call("/__dev/users", "POST", described);
  }

  /**
   * Signs the user in with their password and authenticator code over the API, from the page (so
   * the browser holds the session cookie), for a test about what comes after the sign-in:
   * sign-in.spec.ts drives these screens. The clock moves on first: a code works once.
   */
  async signInThroughApi(user: { username: string; password: string; totpKey: string }) {
    await this.call("/api/authn/identify", "POST", { username: user.username });
    const state = await this.call<{ factors: { id: string; type: string }[] }>(
      "/api/authn/password",
      "POST",
      { password: user.password },
    );
    const authenticator = state.factors.find(({ type }) => type === "google_authenticator");
    await this.advanceClock(30);
    const code = await this.totp(user.totpKey);
    const signedIn = await this.call<{ status: string }>("/api/authn/verify", "POST", {
      methodId: authenticator?.id ?? "",
      code,
    });
    expect(signedIn.status).toBe("SUCCESS");
  }

  /**
   * Sets up what activation requires (a password, the first security question, Google
   * Authenticator) over the API, for the set-up in progress in this browser: for the bench's
   * screens that come after them; enrollment.spec.ts drives these screens.
   */
  async setUpRequiredMethodsThroughApi(password: string) {
    await this.call("/api/enroll/password", "POST", { password });
    const { questions } = await this.call<{ questions: string[] }>(
      "/api/enroll/security-questions",
    );
    await this.call("/api/enroll/security-question", "POST", {
      question: questions[0],
      answer: "Rex the dog",
    });
    const { key } = await this.call<{ key: string }>(
      "/api/enroll/google-authenticator",
      "POST",
      {},
    );
    await this.call("/api/enroll/google-authenticator/verify", "POST", {
      code: await this.totp(key),
    });
  }

  /** "Choose the TRAQS username for this session" over the API. */
  chooseTraqsUsername(username: string): Promise<unknown> {
    return this.call("/api/me/traqs-username", "POST", { username });
  }

  /** What an authenticator app holding this key shows now, by the mock's clock (RFC 6238). */
  async totp(base32Key: string): Promise<string> {
    return this.totpAt(base32Key, (await this.clock()).epochMs);
  }

  /** What the app shows at a given time (a phone whose clock is off shows another code). */
  totpAt(base32Key: string, epochMs: number): string {
    return TOTP.generate({ secret: Secret.fromBase32(base32Key), timestamp: epochMs });
  }
}

/**
 * Resolves once the app has started the in-page mock in the page's document (mocks/browser.ts):
 * a first load of a context reloads once, and anything read from the page before then is lost.
 */
function inPageMockReady(page: Page): Promise<void> {
  return page.locator('html[data-mock-backend="ready"]').waitFor({ state: "attached" });
}

/**
 * Resolves once the app has taken the page's document over (src/app/App.tsx). Before then a
 * prerendered page shows but does not answer: a click follows a link as a full page load, a form
 * is not sent, and the in-page mock may reload the page once.
 */
function appInteractive(page: Page): Promise<void> {
  return page.locator('html[data-app="interactive"]').waitFor({ state: "attached" });
}

/**
 * A page of the app opened by its address (goto, reload) is interactive before the test goes on,
 * as a person waits for a page to load. A test of the page before JavaScript asks for "commit".
 */
function settleOnLoad(page: Page, appOrigin: string): Page {
  const settle = async (options?: { waitUntil?: string }) => {
    if (options?.waitUntil !== "commit" && new URL(page.url()).origin === appOrigin)
      await appInteractive(page);
  };
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    await settle(options);
    return response;
  };
  const reload = page.reload.bind(page);
  page.reload = async (options) => {
    const response = await reload(options);
    await settle(options);
    return response;
  };
  return page;
}

const AXE_OPTIONS: RunOptions = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
  // Passes are not reported back: serialising every node that passed is most of a check's cost.
  resultTypes: ["violations"],
};

/**
 * Runs axe on the page as it stands; every WCAG 2.x A/AA rule must pass. axe-core is injected once
 * per document and kept across the app's own navigations: @axe-core/playwright injected it twice
 * on every check and opened a blank page to finish, five times the cost on ~150 checks. The app
 * has no frames, which is all its frame handling was for.
 */
export async function expectAccessible(page: Page): Promise<void> {
  await appInteractive(page);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(
    (options) => (window as unknown as { axe: typeof axe }).axe.run(document, options),
    AXE_OPTIONS,
  );
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export const JANE = {
  username: "jane.doe@yourfirm.org",
  password: "Enrolled-Passw0rd-2024",
  totpKey: "JBSWY3DPEHPK3PXP",
  phone: "+12025550143",
};
export const JOHN = { username: "john.smith@yourfirm.org", password: "Correct-Horse-7-Battery" };
export const SAM = {
  username: "sam.lee@yourfirm.org",
  password: "Enrolled-Passw0rd-2024",
  totpKey: "KRSXG5CTMVRXEZLU",
};

/** The administrators (issue 16): Your Firm's SAA, the help desk, and Other Firm's SAA. */
export const PAT = {
  username: "pat.admin@yourfirm.org",
  password: "Enrolled-Passw0rd-2024",
  totpKey: "KBQXIIDBMRWWS3TZ",
};
export const HANK = {
  username: "hank.help@support.example",
  password: "Enrolled-Passw0rd-2024",
  totpKey: "NBUGK3DQMRSXG2ZR",
};
export const OLGA = {
  username: "olga.admin@otherfirm.example",
  password: "Enrolled-Passw0rd-2024",
  totpKey: "N5WGOYLBMRWWS3TZ",
};

/** John opens the "Activate Okta Account" link from his invitation email; returns the link. */
export async function activateJohn(page: Page, mock: MockBackend): Promise<string> {
  await page.goto("/signin");
  const invitation = await mock.latest("email", JOHN.username);
  expect(invitation.subject).toBe("FINRA TRAQS - Welcome to Okta!");
  expect(invitation.text).toContain("This link expires in 30 days.");
  await page.goto(invitation.link ?? "");
  await expect(page.getByRole("heading", { name: "Set up security methods" })).toBeVisible();
  await expect(page).toHaveURL(/\/enroll$/); // the token has left the address bar
  return invitation.link ?? "";
}

/** Username → Next → password → Verify: up to the second factor. */
export async function signInToFactorStep(page: Page, user: { username: string; password: string }) {
  if (!page.url().includes("/signin")) await page.goto("/signin");
  await page.getByLabel("Username (email address)").fill(user.username);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Verify with your password" })).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Verify" }).click();
}

/** The whole sign-in with the authenticator app's code. */
export async function signInWithAuthenticator(
  page: Page,
  mock: MockBackend,
  user: { username: string; password: string; totpKey: string },
) {
  await signInToFactorStep(page, user);
  await expect(
    page.getByRole("heading", { name: "Verify with Google Authenticator" }),
  ).toBeVisible();
  await page.getByLabel("Enter code").fill(await mock.totp(user.totpKey));
  await page.getByRole("button", { name: "Verify" }).click();
}

/** "Enter password" and "Re-enter password" (set up, reset or recovery: the same form). */
export async function fillNewPassword(page: Page, password: string, confirm = password) {
  await page.getByLabel("Enter password", { exact: true }).fill(password);
  await page.getByLabel("Re-enter password").fill(confirm);
}

/** Password and security question, the methods every user sets up (enrollment.spec checks them). */
export async function setUpPasswordAndQuestion(page: Page, password: string) {
  await page.getByRole("link", { name: "Set up Password" }).click();
  await fillNewPassword(page, password);
  await page.getByRole("button", { name: "Next" }).click();
  await setUpSecurityQuestion(page);
}

/** The security question, chosen from the list, and its answer; then its "set up" status. */
export async function setUpSecurityQuestion(page: Page) {
  await page.getByRole("link", { name: "Set up Security Question" }).click();
  await page.getByLabel("Choose a security question", { exact: true }).last().selectOption({
    label: "What is the name of your first stuffed animal?",
  });
  await page.getByLabel("Answer", { exact: true }).fill("Rex the bear");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Security Question is set up." }),
  ).toBeVisible();
}

/** "Reset your password" refuses Jane's current password: it is one of her last 7. */
export async function expectRecentPasswordRefused(page: Page) {
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await expectAccessible(page);
  await fillNewPassword(page, JANE.password);
  await page.getByRole("button", { name: "Reset Password" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "Your password cannot be any of your last 7 passwords",
  );
}

/** Jane's authenticator's next code: the clock moves on first, since each code works once. */
export async function janesNextCode(mock: MockBackend): Promise<string> {
  await mock.advanceClock(30);
  return mock.totp(JANE.totpKey);
}

/** A new code from Jane's authenticator, then Verify. */
export async function verifyWithJanesCode(page: Page, mock: MockBackend) {
  await page.getByLabel("Enter code").fill(await janesNextCode(mock));
  await page.getByRole("button", { name: "Verify", exact: true }).click();
}

/** A reset or removal in Settings: Yes in the dialog, then Jane's password and a new code. */
export async function confirmWithPasswordAndCode(page: Page, mock: MockBackend) {
  await page.getByRole("dialog").getByRole("button", { name: "Yes" }).click();
  await page.getByLabel("Password", { exact: true }).fill(JANE.password);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await verifyWithJanesCode(page, mock);
}

/**
 * The user's phone (the development inbox, in a second page) scans the Okta Verify QR code shown
 * for `username`. Returns once the phone lists the account: closing it sooner could drop the scan.
 */
export async function scanWithOktaVerify(context: BrowserContext, username: string): Promise<Page> {
  const phoneApp = await context.newPage();
  await phoneApp.goto("/dev/inbox");
  const scan = phoneApp.getByRole("button", { name: `Scan the QR code for ${username}` });
  await scan.click();
  await expect(scan).toHaveCount(0);
  await expect(phoneApp.getByText(`${username} on `)).toBeVisible();
  return phoneApp;
}

/** The key under "Can't scan?", as a person would copy it (groups of four, spaces dropped). */
export async function shownKey(page: Page): Promise<string> {
  const key = page.getByRole("group", { name: /type this key/ }).getByRole("code");
  return ((await key.textContent()) ?? "").replace(/\s+/g, "");
}

/** Five wrong passwords for Jane: the fifth locks her account (FINRA's setting). */
export async function lockJane(page: Page) {
  await page.goto("/signin");
  await page.getByLabel("Username (email address)").fill(JANE.username);
  await page.getByRole("button", { name: "Next" }).click();
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Password", { exact: true }).fill(`Wrong-Passw0rd-${attempt}`);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByRole("alert")).toContainText(
      attempt < 5 ? "Unable to sign in" : "Your account is locked",
    );
  }
}

/**
 * Jane, signed in with her authenticator (over the API: sign-in.spec.ts drives those screens),
 * has chosen JDOE01: she is in TRAQS.
 */
export async function signInAsJdoe01(page: Page, mock: MockBackend) {
  await page.goto("/signin");
  await mock.signInThroughApi(JANE);
  await mock.chooseTraqsUsername("JDOE01");
  await page.goto("/traqs");
  await expect(page.getByRole("heading", { level: 1, name: "FINRA TRAQS" })).toBeVisible();
}

/**
 * "Click API from the Main Menu", then "Click Manual (or Programmatic) from the Download Menu"
 * (guide Sections 4 and 5). `names` are the menu's words in another language.
 */
export async function openFromMainMenu(
  page: Page,
  item: string,
  names = { mainMenu: "Main Menu", api: "API" },
) {
  const menubar = page.getByRole("menubar", { name: names.mainMenu });
  await menubar.getByRole("menuitem", { name: names.api }).click();
  await menubar.getByRole("menuitem", { name: item }).click();
}

/** Uses a recovery code for "Verify it's you" through the API, as a script would (to spend a few). */
export async function spendRecoveryCode(page: Page, code: string) {
  const status = await page.evaluate(async (code) => {
    const post = (path: string, body: unknown) =>
      fetch(path, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    await post("/api/step-up/start", { purpose: "view" });
    return (await post("/api/step-up/recovery-code", { code })).status;
  }, code);
  expect(status).toBe(200);
}

/** A credential as the DevTools protocol's WebAuthn domain shows it (binary as base64). */
export type VirtualCredential = {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
};

/**
 * Chromium's virtual authenticator (the DevTools protocol's WebAuthn domain), attached to the
 * test's page: a platform authenticator ("internal") with resident keys and user verification,
 * which answers the page's passkey prompts and autofill by itself, as a person with a fingerprint
 * reader would. Chrome's DevTools WebAuthn panel does the same by hand.
 */
export class Passkeys {
  private constructor(
    private readonly cdp: CDPSession,
    readonly authenticatorId: string,
  ) {}

  static async attach(page: Page): Promise<Passkeys> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable", { enableUI: false });
    const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    return new Passkeys(cdp, authenticatorId);
  }

  async credentials(): Promise<VirtualCredential[]> {
    const { credentials } = await this.cdp.send("WebAuthn.getCredentials", {
      authenticatorId: this.authenticatorId,
    });
    return credentials;
  }

  async addCredential(credential: VirtualCredential): Promise<void> {
    await this.cdp.send("WebAuthn.addCredential", {
      authenticatorId: this.authenticatorId,
      credential,
    });
  }

  async clear(): Promise<void> {
    await this.cdp.send("WebAuthn.clearCredentials", { authenticatorId: this.authenticatorId });
  }

  /**
   * Takes every passkey out of the authenticator for a while: holding one, it answers a page's
   * passkey autofill at once (Sign In after a sign-out, say). Returns how to put them back.
   */
  async holdBack(): Promise<() => Promise<void>> {
    const held = await this.credentials();
    await this.clear();
    return async () => {
      for (const credential of held) await this.addCredential(credential);
    };
  }
}

export const test = base.extend<{
  mock: MockBackend;
  passkeys: Passkeys;
  cspViolations: string[];
}>({
  // On the shared local mock server each test has a namespace of its own (decision 024), named
  // after the test, so the server's tests run in parallel like the others (decision 029). Every
  // request carries it: the page's, a second browser's (browser.newContext()) and `request`'s.
  // It is reset first: a server kept from an earlier local run still holds its data.
  extraHTTPHeaders: async ({ contextOptions }, use, testInfo) => {
    if (testInfo.project.name !== "mock-server") return use(contextOptions.extraHTTPHeaders);
    const name = `e2e-${testInfo.testId}-${testInfo.repeatEachIndex}`
      .replace(/[^A-Za-z0-9_.-]/g, "-")
      .slice(0, 64);
    const headers = { ...contextOptions.extraHTTPHeaders, "X-Mock-Namespace": name };
    const reset = await fetch(`${MOCK_SERVER}/__dev/reset`, {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/json" },
      body: "{}",
    });
    expect(reset.ok, `reset of namespace ${name}`).toBe(true);
    await use(headers);
  },
  // Every page of the test's context, the first and any other it opens (the inbox, a second tab).
  context: async ({ context, baseURL }, use) => {
    const appOrigin = new URL(baseURL ?? "").origin;
    const newPage = context.newPage.bind(context);
    context.newPage = async () => settleOnLoad(await newPage(), appOrigin);
    await use(context);
  },
  mock: async ({ page }, use, testInfo) => {
    await use(new MockBackend(page, testInfo.project.name !== "mock-server"));
  },
  passkeys: async ({ page }, use) => {
    await use(await Passkeys.attach(page));
  },
  // E2E_CPU_THROTTLE=6 runs every page six times slower: races that a busy CI host shows now and
  // then (an answer arriving after a click) show every time.
  page: async ({ page }, use) => {
    const rate = Number(process.env.E2E_CPU_THROTTLE ?? 1);
    if (rate > 1) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    }
    await use(page);
  },
  // Every test runs under the build's Content-Security-Policy and fails on any violation.
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      context.on("console", (message) => {
        if (message.text().includes("Content Security Policy")) violations.push(message.text());
      });
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The local mock server, as a script or a second browser reaches it. */
export const MOCK_SERVER = `http://localhost:${MOCK_SERVER_PORT}`;

/** The page's layout shifts so far, not caused by the user (Cumulative Layout Shift). */
export function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((entries) => {
          for (const entry of entries.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
        // Buffered entries arrive in the observer's first callback, queued right away.
        setTimeout(() => resolve(total), 200);
      }),
  );
}

type Administrator = typeof PAT;

/**
 * An administrator, signed in with their authenticator (over the API: sign-in.spec.ts drives those
 * screens), opens Administration / Users.
 */
export async function signInAsAdministrator(page: Page, mock: MockBackend, admin: Administrator) {
  await page.goto("/signin");
  await mock.signInThroughApi(admin);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
}

/**
 * An administrative change: its button, a reason in the dialog, then the administrator's own
 * "Verify it's you" (password, then a new code from their authenticator).
 */
export async function administer(
  page: Page,
  mock: MockBackend,
  admin: Administrator,
  button: string,
  reason: string,
) {
  await page.getByRole("button", { name: button, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Reason").fill(reason);
  await dialog.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Verify with your password" })).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill(admin.password);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await mock.advanceClock(30);
  await page.getByLabel("Enter code").fill(await mock.totp(admin.totpKey));
  await page.getByRole("button", { name: "Verify", exact: true }).click();
}

/** Signs out through the user menu (`name` is its button): the next person uses the same browser. */
export async function signOut(page: Page, name: string) {
  await page.getByRole("button", { name }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
}

/** Administration / Users: search, then open the one user found. */
export async function openAdminUser(page: Page, search: string, name: string) {
  await page.getByRole("link", { name: "Users", exact: true }).click();
  await page.getByRole("searchbox", { name: "Search" }).fill(search);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByRole("table").getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}
