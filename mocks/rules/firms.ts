import { NTF_FREE_DAYS, type FACILITIES } from "../../src/api/contracts/admin";
import type { FirmRecord, MockState, User } from "../db/state";
import { everywhere } from "./entitlements";
import { DAY } from "./policy";

export function firmById(state: MockState, id: string | null | undefined): FirmRecord | null {
  return state.firms.find((f) => f.id === id) ?? null;
}

/** The part of an address after its last "@", lower-cased. */
export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

/** Invitations go only to addresses on one of the firm's registered email domains. */
export function onFirmDomain(firm: FirmRecord, email: string): boolean {
  return firm.domains.includes(domainOf(email));
}

/**
 * The free NTF test period (the notice): 30 calendar days from the day the firm says it starts,
 * ending at the end of the 30th day (UTC).
 */
export function ntfTestPeriod(firm: FirmRecord, now: number) {
  if (firm.ntfTestStartedAt === null) return null;
  const firstDay = Math.floor(firm.ntfTestStartedAt / DAY) * DAY;
  const endsAt = firstDay + NTF_FREE_DAYS * DAY;
  const daysLeft = Math.max(0, Math.ceil((endsAt - now) / DAY));
  return { startedAt: firm.ntfTestStartedAt, endsAt, daysLeft };
}

// ---- Large Broker: many users, made up when first asked for -----------------------------------

const FIRST_NAMES = [
  "Avery", "Blake", "Carmen", "Dana", "Elliot", "Farah", "Gil", "Hana", "Ivan", "Jo",
  "Kiran", "Lena", "Mateo", "Nia", "Oscar", "Priya", "Quinn", "Rosa", "Sven", "Tara",
  "Umar", "Vera", "Wes", "Xena", "Yuki", "Zane", "Amara", "Bruno", "Chen", "Dmitri",
  "Esme", "Femi",
]; // prettier-ignore
const LAST_NAMES = [
  "Abbott", "Baker", "Castro", "Dubois", "Evans", "Fischer", "Garcia", "Horvat", "Ito", "Jensen",
  "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor", "Patel", "Quinlan", "Rossi", "Silva",
  "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Yilmaz", "Zhang", "Alvarez", "Brennan", "Costa",
  "Dimitrov", "Eriksen", "Fontaine", "Gupta",
]; // prettier-ignore
const GENERATED_FACILITIES: (typeof FACILITIES)[number][][] = [
  ["TRACE-CA"],
  ["TRACE-CA", "TRACE-SP", "TRACE-TS"],
  ["ADF", "ORF", "TRF"],
  [],
];
/** A fixed day the made-up users' history counts from, so that they are the same every time. */
const GENERATED_EPOCH = Date.UTC(2026, 0, 1);

/** The status a made-up user has, by number: mostly Active, some Invited, Suspended, Deactivated. */
function generatedStatus(n: number): User["status"] {
  const k = n % 50;
  return k < 4 ? "STAGED" : k === 4 ? "SUSPENDED" : k === 5 ? "DEACTIVATED" : "ACTIVE";
}

const generated = new Map<string, User[]>();

/** What a search compares of a user, lower-cased: made once for a made-up user, as it never changes. */
export type SearchKeys = { name: string; email: string; text: string };
const madeUpKeys = new WeakMap<User, SearchKeys>();

export function searchKeysOf(user: User): SearchKeys {
  const known = madeUpKeys.get(user);
  if (known) return known;
  const email = user.email.toLowerCase();
  const keys = {
    name: `${user.lastName}\u0000${user.firstName}\u0000${email}`.toLowerCase(),
    email,
    text: [
      `${user.firstName} ${user.lastName}`,
      email,
      ...user.traqsUsernames.map((u) => u.username),
    ]
      .join("\n")
      .toLowerCase(),
  };
  return keys;
}

/**
 * The firm's made-up users (Large Broker's 10,000), the same on every call: built on first use
 * and kept in memory, not in the state, so that the mock starts fast and every request does not
 * save them again. A made-up user that an administrator changes is copied into the state first
 * (`storedUser`), and the stored copy is the one that counts from then on.
 */
export function generatedUsers(firm: FirmRecord): User[] {
  const count = firm.generatedUsers ?? 0;
  if (count === 0) return [];
  const key = `${firm.id}:${count}`;
  const known = generated.get(key);
  if (known) return known;
  const domain = firm.domains[0] ?? "example.com";
  const users: User[] = [];
  for (let n = 1; n <= count; n++) {
    const firstName = FIRST_NAMES[n % FIRST_NAMES.length] ?? "Test";
    const lastName = LAST_NAMES[Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length] ?? "User";
    const number = String(n).padStart(5, "0");
    const login = `${firstName}.${lastName}.${number}@${domain}`.toLowerCase();
    const status = generatedStatus(n);
    const since = GENERATED_EPOCH - (n % 365) * DAY;
    users.push({
      id: `${firm.id}-${number}`,
      login,
      email: login,
      firstName,
      lastName,
      status,
      firmId: firm.id,
      passwordHistory: [],
      methods: [],
      sendPushAutomatically: false,
      traqsUsernames:
        status === "STAGED"
          ? []
          : [{ username: `${lastName.slice(0, 4).toUpperCase()}${number}`, active: n % 7 !== 0 }],
      entitlements: everywhere(GENERATED_FACILITIES[n % GENERATED_FACILITIES.length] ?? []),
      nasdaqApplications: [],
      language: null,
      preferences: { layout: "comfortable", messageSeconds: 8 },
      ...(status === "STAGED"
        ? { activation: { tokenHash: "", sentAt: since, expiresAt: since, usedAt: null } }
        : { passwordChangedAt: since, lastSignInAt: since + (n % 300) * DAY }),
    });
  }
  for (const user of users) madeUpKeys.set(user, searchKeysOf(user));
  generated.set(key, users);
  return users;
}

/** Every user of these firms: the stored ones, and the made-up ones not stored yet. */
export function usersOf(state: MockState, firms: FirmRecord[]): User[] {
  const ids = new Set(firms.map((f) => f.id));
  const stored = state.users.filter((u) => u.firmId !== null && ids.has(u.firmId));
  const storedIds = new Set(stored.map((u) => u.id));
  const madeUp = firms.flatMap((f) => {
    const gone = new Set(f.removedUsers);
    return generatedUsers(f).filter((u) => !storedIds.has(u.id) && !gone.has(u.id));
  });
  return madeUp.length === 0 ? stored : stored.concat(madeUp);
}

/**
 * The user with this id, from the state or (a made-up one) copied into it now, so that a change
 * to it is kept.
 */
export function storedUser(state: MockState, id: string): User | null {
  const found = anyUser(state, id);
  if (!found || state.users.includes(found)) return found;
  const copy = structuredClone(found);
  state.users.push(copy);
  return copy;
}

/** The user with this id, stored or made up, without storing it (for reading). */
export function anyUser(state: MockState, id: string): User | null {
  const stored = state.users.find((u) => u.id === id);
  if (stored) return stored;
  const prefix = id.slice(0, id.lastIndexOf("-"));
  const firm = firmById(state, prefix);
  if (!firm || firm.removedUsers?.includes(id)) return null;
  return generatedUsers(firm).find((u) => u.id === id) ?? null;
}

/** Removes a user (an invitation revoked before it was used). */
export function removeUser(state: MockState, user: User): void {
  state.users = state.users.filter((u) => u.id !== user.id);
  const firm = firmById(state, user.firmId);
  if (firm && generatedUsers(firm).some((u) => u.id === user.id))
    firm.removedUsers = [...(firm.removedUsers ?? []), user.id];
}

/** The account that has this address as its username or primary email, stored or made up. */
export function userWithAddress(state: MockState, email: string): User | null {
  const address = email.toLowerCase();
  const stored = state.users.find((u) => u.login === address || u.email.toLowerCase() === address);
  if (stored) return stored;
  const firm = state.firms.find((f) => f.domains.includes(domainOf(address)));
  const madeUp = firm && generatedUsers(firm).find((u) => u.login === address);
  return madeUp && !state.users.some((u) => u.id === madeUp.id) ? madeUp : null;
}
