import { expect } from "vitest";
import type { AdminAction } from "../../src/api/contracts/account";
import { AuditPage, UserDetail } from "../../src/api/contracts/admin";
import type { MockBackend } from "./backend";
import type { ApiResponse, Browser } from "./client";
import { signIn, verifyItsYou } from "./steps";

type Account = { login: string; password: string; totpKey: string };

/** A browser signed in as this account. */
export async function signedInAs(backend: MockBackend, account: Account): Promise<Browser> {
  const browser = backend.browser(`Vitest (${account.login})`);
  await signIn(backend, browser, account);
  return browser;
}

/**
 * "Verify it's you" for one administrative change: password, then the authenticator's next code
 * (a code works once, so the clock moves on to the next).
 */
export async function verifyFor(
  backend: MockBackend,
  browser: Browser,
  account: Account,
  action: AdminAction,
  target: string,
): Promise<void> {
  await verifyItsYou(backend, browser, account, { kind: "admin", action, target });
}

/** The id of the stored user with this login. */
export async function userId(backend: MockBackend, login: string): Promise<string> {
  const id = await backend.read((state) => state.users.find((u) => u.login === login)?.id);
  if (!id) throw new Error(`No user ${login}`);
  return id;
}

export function userDetail(response: ApiResponse): UserDetail {
  expect(response.status, response.text).toBe(200);
  return UserDetail.parse(response.json);
}

export function auditPage(response: ApiResponse): AuditPage {
  expect(response.status, response.text).toBe(200);
  return AuditPage.parse(response.json);
}

/** How many audit events the database holds. */
export const auditCount = (backend: MockBackend) => backend.read((s) => s.auditLog.length);
