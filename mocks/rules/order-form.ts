import type { Entitlement } from "../../src/api/contracts/admin";
import { EMAIL_FOOTER, send } from "../db/outbox";
import type { FirmRecord, MockState, User } from "../db/state";
import { Refusal } from "./refusal";
import { randomId, sha256 } from "./crypto";
import { normalEntitlements } from "./entitlements";
import { generatedUsers, onFirmDomain, userWithAddress } from "./firms";
import { DAY, HOUR, POLICY } from "./policy";
import { refuseWhenFull, timesWithin } from "./send-limits";

/**
 * Role and shared mailboxes: the Nasdaq notice asks for individual accounts only ("do not use
 * shared or generic email addresses"). One list, used by the Order Form and by a change of email.
 */
export const SHARED_MAILBOXES = [
  "info", "admin", "administrator", "support", "sales", "trading", "trader", "traders",
  "compliance", "operations", "ops", "noreply", "no-reply", "donotreply", "do-not-reply",
  "help", "helpdesk", "contact", "office", "team", "all", "everyone", "billing", "accounts",
  "accounting", "finance", "marketing", "webmaster", "postmaster", "hostmaster", "abuse",
  "security", "service", "services", "enquiries", "inquiries", "legal", "careers", "jobs",
  "press", "media", "reception", "orders", "desk", "mail", "email", "root", "it-support",
  "tech", "techsupport", "backoffice", "middleoffice", "frontoffice", "settlements", "risk",
  "treasury", "api", "finra", "traqs", "nasdaq", "test", "testing", "shared", "group",
]; // prettier-ignore
/** Words that make a mailbox no less shared: trading-desk@, support.team@, info-ny@. */
const SHARED_SUFFIXES = new Set([
  "desk", "team", "group", "dept", "department", "list", "box",
  "ny", "nj", "us", "uk", "eu", "emea", "apac", "ldn", "chi", "sf",
]); // prettier-ignore

/** Whether the address is a role or shared mailbox rather than one person's. */
export function isSharedAddress(email: string): boolean {
  const local = (email.split("@")[0] ?? "").toLowerCase().replace(/\+.*$/, "");
  const bare = local.replace(/\d+$/, "");
  if (SHARED_MAILBOXES.includes(bare)) return true;
  const [first = "", ...rest] = bare.split(/[._-]/);
  return (
    SHARED_MAILBOXES.includes(first) &&
    rest.length > 0 &&
    rest.every((part) => SHARED_SUFFIXES.has(part))
  );
}

/**
 * An address an administrator may give a user of this firm: individual, on one of the firm's
 * registered domains, and no other account's.
 */
export function assertAddressAllowed(
  state: MockState,
  firm: FirmRecord,
  email: string,
  exceptUserId: string | null = null,
): void {
  if (isSharedAddress(email))
    throw new Refusal(
      409,
      "SHARED_ADDRESS",
      "That is a shared or generic address; every account needs its user's own address.",
      { fields: { email: "errors.SHARED_ADDRESS" } },
    );
  if (!onFirmDomain(firm, email))
    throw new Refusal(
      409,
      "OUTSIDE_DOMAIN",
      `That address is not on ${firm.name}'s registered domains (${firm.domains.join(", ")}).`,
      { fields: { email: "errors.OUTSIDE_DOMAIN" } },
    );
  const holder = userWithAddress(state, email);
  if (holder && holder.id !== exceptUserId)
    throw new Refusal(409, "ADDRESS_TAKEN", "Another account already has that email address.", {
      fields: { email: "errors.ADDRESS_TAKEN" },
    });
}

/** Order Forms an administrator may send in an hour that name a TRAQS username already taken. */
const TAKEN_USERNAME_TRIES_PER_HOUR = 10;

/**
 * TRAQS usernames are unique across every firm, so "already exists" can name another firm's user:
 * an administrator who keeps trying taken ones is stopped for an hour (429), so that the Order
 * Form cannot list other firms' usernames (`triedBy`: the administrator's user id).
 */
export function assertUsernamesFree(
  ctx: { state: MockState; now: number },
  usernames: string[],
  triedBy: string,
): void {
  const { state, now } = ctx;
  const tries = timesWithin(state.takenUsernameTries, triedBy, now, HOUR);
  refuseWhenFull(
    tries,
    { max: TAKEN_USERNAME_TRIES_PER_HOUR, windowMs: HOUR },
    now,
    "Too many TRAQS usernames that already exist were tried. Try again later.",
  );
  const taken = (name: string) =>
    state.users.some((u) => u.traqsUsernames.some((t) => t.username === name)) ||
    state.firms.some((f) =>
      generatedUsers(f).some((u) => u.traqsUsernames.some((t) => t.username === name)),
    );
  const clash = usernames.find((name, i) => usernames.indexOf(name) !== i || taken(name));
  if (!clash) return;
  state.takenUsernameTries = { ...state.takenUsernameTries, [triedBy]: [...tries, now] };
  throw new Refusal(409, "USERNAME_TAKEN", `The TRAQS username ${clash} already exists.`, {
    fields: { traqsUsernames: "errors.USERNAME_TAKEN" },
  });
}

/** Records an Order Form entry: the user's entitlements from now on, and by whom. */
export function enterOrderForm(
  user: User,
  entitlements: Entitlement[],
  by: string,
  now: number,
): void {
  user.entitlements = normalEntitlements(entitlements);
  user.orderForms = [...(user.orderForms ?? []), { at: now, by, entitlements: user.entitlements }];
}

/**
 * The guide's invitation, "FINRA TRAQS - Welcome to Okta!", with a new activation link valid 30
 * days; a link sent before stops working. Returns the link (a QA scenario hands it to its test).
 */
export async function sendInvitation(state: MockState, user: User, now: number): Promise<string> {
  const token = randomId(32);
  user.activation = {
    tokenHash: await sha256(token),
    sentAt: now,
    expiresAt: now + POLICY.activationLinkDays * DAY,
    usedAt: null,
  };
  const activate = "Activate Okta Account";
  const link = `/activate/${token}`;
  send(state, {
    channel: "email",
    to: user.email,
    userId: user.id,
    subject: "FINRA TRAQS - Welcome to Okta!",
    text:
      `Hi ${user.firstName},\n\nFINRA is using Okta to manage the Multi-Factor Authentication for TRAQS.\n` +
      "An Okta account for FINRA TRAQS access has been created for you.\n" +
      `Click the link below to activate your Okta account:\n\n${activate}\n\n` +
      `This link expires in ${POLICY.activationLinkDays} days.\n\n` +
      `Your Username (email address) is ${user.login}\n\n${EMAIL_FOOTER}`,
    link,
    linkText: activate,
    sentAt: now,
  });
  return link;
}
