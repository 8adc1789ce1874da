import type { AdminAction } from "../../src/api/contracts/account";
import {
  USERS_PAGE_SIZE,
  type UserDetail,
  type UserSearchAnswer,
  type UserStatus,
  type UserSummary,
} from "../../src/api/contracts/admin";
import type { AdministrationRole } from "../../src/api/contracts/me";
import type * as z from "zod/mini";
import type { UserSearchRequest } from "../../src/api/contracts/admin";
import type { FirmRecord, MockState, User } from "../db/state";
import { describeClient } from "./client-info";
import { normalEntitlements } from "./entitlements";
import { anyUser, firmById, searchKeysOf, storedUser, usersOf, type SearchKeys } from "./firms";
import { lockedUntil } from "./lockout";
import { maskPhone } from "./phone";
import { currentToken, isActive } from "./tokens";
import { iso, isoOrNull } from "./dates";
import { Refusal } from "./refusal";

/** Another firm's user answers exactly as a user that does not exist. */
export const noSuchUser = () => new Refusal(404, "NOT_FOUND", "No such user.");

/** What the user administers, as Me shows it: their firm (SAA), every firm (help desk), or none. */
export function administrationOf(state: MockState, user: User): AdministrationRole | null {
  if (user.role === "help-desk") return { role: "help-desk", firm: null };
  if (user.role !== "firm-administrator") return null;
  const firm = firmById(state, user.firmId);
  return firm ? { role: "firm-administrator", firm: { id: firm.id, name: firm.name } } : null;
}

/** A signed-in administrator: who, in which role, and (a firm administrator) of which firm. */
export type Administrator = {
  user: User;
  role: "firm-administrator" | "help-desk";
  firm: FirmRecord | null;
};

/** The signed-in user as an administrator, or null: not one (every /api/admin answer is 403). */
export function asAdministrator(state: MockState, user: User): Administrator | null {
  if (user.status !== "ACTIVE") return null;
  if (user.role === "help-desk") return { user, role: "help-desk", firm: null };
  const firm = user.role === "firm-administrator" ? firmById(state, user.firmId) : null;
  return firm ? { user, role: "firm-administrator", firm } : null;
}

/**
 * Who may make which change (issue 16): the help desk supports users of every firm (unlock,
 * lost-phone reset, resend invitation, name and primary email); the firm administrator runs their
 * own firm (Order Form, usernames, entitlements, status) but sends name and email changes to the
 * help desk, as the guide sends users to operations for them.
 */
const ALLOWED: Record<AdminAction, readonly Administrator["role"][]> = {
  invite: ["firm-administrator"],
  resendInvitation: ["firm-administrator", "help-desk"],
  revokeInvitation: ["firm-administrator"],
  setTraqsUsername: ["firm-administrator"],
  editEntitlements: ["firm-administrator"],
  unlock: ["firm-administrator", "help-desk"],
  resetMethods: ["firm-administrator", "help-desk"],
  sendPasswordReset: ["firm-administrator"],
  signOutEverywhere: ["firm-administrator"],
  revokeTokens: ["firm-administrator"],
  suspend: ["firm-administrator"],
  reactivate: ["firm-administrator"],
  deactivate: ["firm-administrator"],
  updateProfile: ["help-desk"],
  setAdministrator: ["firm-administrator"],
  startNtfTest: ["firm-administrator"],
  // The help desk (any firm) and the firm's administrator (their own) issue MobilePASS tokens.
  issueMobilePass: ["firm-administrator", "help-desk"],
  resendMobilePass: ["firm-administrator", "help-desk"],
  revokeMobilePass: ["firm-administrator", "help-desk"],
  reissueMobilePass: ["firm-administrator", "help-desk"],
  unlockNasdaqLogin: ["firm-administrator", "help-desk"],
  // Part of the Order Form, as the API entitlements are.
  editNasdaqApplications: ["firm-administrator"],
};

export function mayMake(admin: Administrator, action: AdminAction): boolean {
  return ALLOWED[action].includes(admin.role);
}

export function assertMayMake(admin: Administrator, action: AdminAction): void {
  if (!mayMake(admin, action))
    throw new Refusal(
      403,
      "FORBIDDEN",
      admin.role === "help-desk"
        ? "The help desk cannot do that; the firm's Super Account Administrator can."
        : "Only the help desk can do that.",
    );
}

/** The firms whose users the administrator sees: their own, or (help desk) every firm. */
export function firmsOf(state: MockState, admin: Administrator): FirmRecord[] {
  return admin.firm ? [admin.firm] : state.firms;
}

/** Whether the administrator may see this user: a user of a firm they administer. */
export function sees(admin: Administrator, user: User): boolean {
  if (user.firmId === null) return false;
  return admin.firm === null || admin.firm.id === user.firmId;
}

/** The firm the administrator asks about; another firm is 404, like one that does not exist. */
export function firmFor(state: MockState, admin: Administrator, firmId: string): FirmRecord {
  const firm = firmsOf(state, admin).find((f) => f.id === firmId);
  if (!firm) throw new Refusal(404, "NOT_FOUND", "No such firm.");
  return firm;
}

/** The user's status as the administrators see it. */
export function statusOf(state: MockState, user: User, now: number): UserStatus {
  switch (user.status) {
    case "STAGED":
      return "Invited";
    case "SUSPENDED":
      return "Suspended";
    case "DEACTIVATED":
      return "Deactivated";
    case "ACTIVE":
      return lockedUntil(state, user.login, now) !== null ? "Locked" : "Active";
  }
}

function firmRef(state: MockState, user: User) {
  const firm = firmById(state, user.firmId);
  return { id: firm?.id ?? "", name: firm?.name ?? "" };
}

export function toUserSummary(state: MockState, user: User, now: number): UserSummary {
  return {
    id: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    firm: firmRef(state, user),
    status: statusOf(state, user, now),
    traqsUsernames: user.traqsUsernames.map((u) => u.username),
    administrator: user.role === "firm-administrator",
    lastSignInAt: isoOrNull(user.lastSignInAt),
  };
}

/**
 * One user as an administrator sees them: every security method by type and masked, sessions and
 * tokens without their ids or values. No key, full number, token, hash or answer is ever here.
 */
export function toUserDetail(state: MockState, user: User, now: number): UserDetail {
  const activation = user.status === "STAGED" ? user.activation : undefined;
  const locked = lockedUntil(state, user.login, now);
  const token = currentToken(state, user.id);
  return {
    ...toUserSummary(state, user, now),
    login: user.login,
    invitation: activation
      ? {
          sentAt: iso(activation.sentAt ?? activation.expiresAt),
          expiresAt: iso(activation.expiresAt),
          expired: now > activation.expiresAt,
        }
      : null,
    lockedUntil: isoOrNull(locked),
    passwordSet: Boolean(user.password),
    securityQuestionSet: Boolean(user.securityQuestion),
    recoveryCodesSet: Boolean(user.recoveryCodes?.codes.length),
    traqsUsernames: user.traqsUsernames.map(({ username, active }) => ({ username, active })),
    entitlements: normalEntitlements(user.entitlements),
    nasdaqApplications: user.nasdaqApplications,
    orderForms: (user.orderForms ?? []).map((o) => ({
      at: iso(o.at),
      by: o.by,
      entitlements: normalEntitlements(o.entitlements),
    })),
    methods: user.methods.map((m) => {
      const createdAt = iso(m.createdAt);
      switch (m.type) {
        case "phone":
          return { type: m.type, maskedPhone: maskPhone(m.e164), channel: m.channel, createdAt };
        case "okta_verify":
          return { type: m.type, deviceName: m.deviceName, createdAt };
        case "passkey":
          return { type: m.type, name: m.name, createdAt };
        case "google_authenticator":
          return { type: m.type, createdAt };
      }
    }),
    sessions: state.sessions
      .filter((s) => s.userId === user.id && s.stage === "SUCCESS")
      .map((s) => ({
        startedAt: iso(s.createdAt),
        lastSeenAt: iso(s.lastSeenAt),
        client: describeClient(s.userAgent),
      })),
    refreshTokens: state.refreshTokens
      .filter((t) => t.userId === user.id)
      .sort((a, b) => b.requestedAt - a.requestedAt)
      .map((t) => ({
        last4: t.last4,
        isActive: t === token && isActive(t, now),
        requestedAt: iso(t.requestedAt),
        expiresAt: iso(t.expiresAt),
        revokedAt: isoOrNull(t.revokedAt),
      })),
  };
}

const STATUS_ORDER: UserStatus[] = ["Invited", "Active", "Locked", "Suspended", "Deactivated"];

/**
 * Users: search by name, email or TRAQS username, filter by status, sorted and paged here, not on
 * the screen. A made-up user's search keys are made once, so a search of 10,000 users compares
 * plain strings and numbers (mocks/rules/administration.bench.ts measures it).
 */
export function searchUsers(
  state: MockState,
  admin: Administrator,
  request: z.output<typeof UserSearchRequest>,
  now: number,
): UserSearchAnswer {
  const firms = request.firmId ? [firmFor(state, admin, request.firmId)] : firmsOf(state, admin);
  const query = request.query?.toLowerCase() ?? "";
  const rows: { user: User; keys: SearchKeys; status: number; signIn: number }[] = [];
  for (const user of usersOf(state, firms)) {
    const keys = searchKeysOf(user);
    if (query && !keys.text.includes(query)) continue;
    const status = statusOf(state, user, now);
    if (request.status && status !== request.status) continue;
    rows.push({ user, keys, status: STATUS_ORDER.indexOf(status), signIn: user.lastSignInAt ?? 0 });
  }
  const order = request.direction === "desc" ? -1 : 1;
  const byName = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    a.keys.name < b.keys.name ? -1 : a.keys.name > b.keys.name ? 1 : 0;
  const compare: Record<
    typeof request.sort,
    (a: (typeof rows)[number], b: (typeof rows)[number]) => number
  > = {
    name: byName,
    email: (a, b) => (a.keys.email < b.keys.email ? -1 : a.keys.email > b.keys.email ? 1 : 0),
    status: (a, b) => a.status - b.status || byName(a, b),
    lastSignIn: (a, b) => a.signIn - b.signIn || byName(a, b),
  };
  const sort = compare[request.sort];
  rows.sort((a, b) => order * sort(a, b));
  const total = rows.length;
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(Number(request.page), pageCount);
  const items = rows
    .slice((page - 1) * USERS_PAGE_SIZE, page * USERS_PAGE_SIZE)
    .map((row) => toUserSummary(state, row.user, now));
  return { items, total, page, pageCount, pageSize: USERS_PAGE_SIZE };
}

/** A firm keeps at least one active administrator. */
export function otherAdministrators(state: MockState, user: User): User[] {
  return state.users.filter(
    (u) =>
      u.id !== user.id &&
      u.firmId === user.firmId &&
      u.role === "firm-administrator" &&
      u.status === "ACTIVE",
  );
}

/** The user an administrator asks about: another firm's, or none, is the same 404. */
export function visibleUser(state: MockState, admin: Administrator, id: string): User {
  const user = anyUser(state, id);
  if (!user || !sees(admin, user)) throw noSuchUser();
  return user;
}

/** What a change tells its audit event as it goes: to whom, which firm, why. */
export type AuditDraft = { user: User | null; firmId: string | null; reason: string };

/** The user a change is made to, stored from now on (a made-up Large Broker user is copied). */
export function changedUser(
  state: MockState,
  admin: Administrator,
  draft: AuditDraft,
  id: string,
): User {
  const seen = visibleUser(state, admin, id);
  const user = storedUser(state, seen.id) as User;
  draft.user = user;
  draft.firmId = user.firmId;
  return user;
}
