import * as z from "zod/mini";
import { AdminAction, AdminChange } from "./account";
import { FactorType, PhoneChannel } from "./authn";
import { Instant } from "./common";
import { AdministrationRole, NasdaqApplication, TraqsUsername } from "./me";

/**
 * Administration (issue 16): the firm's Super Account Administrator (SAA) and the help desk. The
 * signed-in user's role is `Me.administration`; every endpoint below answers 403 FORBIDDEN to a
 * user without one, and a firm administrator gets 404 NOT_FOUND for another firm's user, exactly as
 * for a user who does not exist. Endpoints and errors: docs/admin-api.md.
 */
export { AdministrationRole, AdminAction, AdminChange };

/** Where the screens send their requests; `:id` is a user's id, `:firmId` a firm's. */
export const adminPaths = {
  users: "/api/admin/users",
  user: "/api/admin/users/:id",
  /** POST: the Order Form (invite a user). */
  orderForm: "/api/admin/order-form",
  /** POST with an AdminActionRequest body, e.g. /api/admin/users/:id/unlock. */
  userAction: "/api/admin/users/:id/:action",
  traqsUsername: "/api/admin/users/:id/traqs-usernames/:username",
  entitlements: "/api/admin/users/:id/entitlements",
  nasdaqApplications: "/api/admin/users/:id/nasdaq-applications",
  profile: "/api/admin/users/:id/profile",
  administrator: "/api/admin/users/:id/administrator",
  audit: "/api/admin/audit",
  auditCsv: "/api/admin/audit.csv",
  firms: "/api/admin/firms",
  firm: "/api/admin/firms/:firmId",
  ntfTest: "/api/admin/firms/:firmId/ntf-test",
} as const;

/** The facilities of the notice's API reference data, as the Order Form names them. */
export const FACILITIES = ["TRACE-CA", "TRACE-SP", "TRACE-TS", "ADF", "ORF", "TRF"] as const;
export const Facility = z.enum(FACILITIES);
export type Facility = z.infer<typeof Facility>;

export const ENVIRONMENTS = ["NTF", "Production"] as const;
export const Environment = z.enum(ENVIRONMENTS);
export type Environment = z.infer<typeof Environment>;

/** API access to one facility's reference data in one environment. */
export const Entitlement = z.object({ facility: Facility, environment: Environment });
export type Entitlement = z.infer<typeof Entitlement>;
const Entitlements = z.array(Entitlement).check(z.maxLength(FACILITIES.length * 2));

/**
 * A user's status as the administrator sees it. Invited: the invitation is not yet used (or it has
 * expired: see `invitation.expired`); Locked: too many failed attempts, until `lockedUntil`.
 */
export const USER_STATUSES = ["Invited", "Active", "Locked", "Suspended", "Deactivated"] as const;
export const UserStatus = z.enum(USER_STATUSES);
export type UserStatus = z.infer<typeof UserStatus>;

/** Why: every administrative change carries one; it is kept in the audit log. */
export const Reason = z
  .string()
  .check(z.trim(), z.minLength(1, "validation.required"), z.maxLength(500, "validation.tooLong"));

/** A TRAQS username as PDM establishes it: capitals and digits, e.g. JDOE02. */
export const NewTraqsUsername = z
  .string()
  .check(z.trim(), z.regex(/^[A-Z0-9]{4,12}$/, "validation.traqsUsername"));

const Name = z
  .string()
  .check(z.trim(), z.minLength(1, "validation.required"), z.maxLength(100, "validation.tooLong"));
const Email = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, "validation.required"),
    z.maxLength(254, "validation.tooLong"),
    z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "validation.email"),
  );

// ---- Users: search -------------------------------------------------------------------------

export const USER_SORTS = ["name", "email", "status", "lastSignIn"] as const;
export const UserSort = z.enum(USER_SORTS);
export const USERS_PAGE_SIZE = 25;

/**
 * GET /api/admin/users?query=&status=&firmId=&sort=&direction=&page= (all optional). `query`
 * matches a name, email or TRAQS username (contains, any case); `firmId` only for the help desk
 * (a firm administrator always searches their own firm). Pages count from 1.
 */
export const UserSearchRequest = z.object({
  query: z.optional(z.string().check(z.trim(), z.maxLength(100, "validation.tooLong"))),
  status: z.optional(UserStatus),
  firmId: z.optional(z.string().check(z.maxLength(100))),
  sort: z._default(UserSort, "name"),
  direction: z._default(z.enum(["asc", "desc"]), "asc"),
  page: z._default(z.string().check(z.regex(/^[1-9]\d{0,5}$/)), "1"),
});
export type UserSearchRequest = z.input<typeof UserSearchRequest>;

export const FirmRef = z.object({ id: z.string(), name: z.string() });
export type FirmRef = z.infer<typeof FirmRef>;

export const UserSummary = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  firm: FirmRef,
  status: UserStatus,
  traqsUsernames: z.array(z.string()),
  administrator: z.boolean(),
  lastSignInAt: z.nullable(Instant),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserSearchAnswer = z.object({
  items: z.array(UserSummary),
  /** Users that match, on every page. */
  total: z.number(),
  page: z.number(),
  pageCount: z.number(),
  pageSize: z.number(),
});
export type UserSearchAnswer = z.infer<typeof UserSearchAnswer>;

// ---- Users: one user -----------------------------------------------------------------------

/** A security method by type, masked: never a key, a full number or a credential. */
export const AdminMethod = z.object({
  type: FactorType,
  /** Phone: all but the last digits masked, e.g. "+1 XXX-XXX-0143". */
  maskedPhone: z.optional(z.string()),
  channel: z.optional(PhoneChannel),
  /** Okta Verify: the device; passkey: the name its owner gave it. */
  deviceName: z.optional(z.string()),
  name: z.optional(z.string()),
  createdAt: Instant,
});
export type AdminMethod = z.infer<typeof AdminMethod>;

export const AdminSession = z.object({
  startedAt: Instant,
  lastSeenAt: Instant,
  /** Browser and system, e.g. "Chrome on Windows". */
  client: z.string(),
});

/** A refresh token, masked: its last 4 characters only. */
export const AdminRefreshToken = z.object({
  last4: z.string(),
  isActive: z.boolean(),
  requestedAt: Instant,
  expiresAt: Instant,
  revokedAt: z.nullable(Instant),
});

/** One Order Form entry: the entitlements as they were set then, and by whom. */
export const OrderFormEntry = z.object({
  at: Instant,
  by: z.string(),
  entitlements: z.array(Entitlement),
});

export const UserDetail = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  /** The username (email address) and the primary email, where notifications go. */
  login: z.string(),
  email: z.string(),
  firm: FirmRef,
  status: UserStatus,
  administrator: z.boolean(),
  /** Invited users: when the invitation was sent and until when its link works. */
  invitation: z.nullable(z.object({ sentAt: Instant, expiresAt: Instant, expired: z.boolean() })),
  /** Locked users: when the lock ends by itself. */
  lockedUntil: z.nullable(Instant),
  lastSignInAt: z.nullable(Instant),
  passwordSet: z.boolean(),
  securityQuestionSet: z.boolean(),
  recoveryCodesSet: z.boolean(),
  traqsUsernames: z.array(TraqsUsername),
  entitlements: z.array(Entitlement),
  nasdaqApplications: z.array(NasdaqApplication),
  orderForms: z.array(OrderFormEntry),
  methods: z.array(AdminMethod),
  sessions: z.array(AdminSession),
  refreshTokens: z.array(AdminRefreshToken),
});
export type UserDetail = z.infer<typeof UserDetail>;

// ---- Changes: each needs a fresh "Verify it's you" made for it, and a reason ---------------

/*
 * Before each change the screen starts "Verify it's you" for it: `POST /api/step-up/start` with
 * `{ purpose: "change", change: { kind: "admin", action, target } }` (AdminChange, account.ts;
 * `target`: the user's id, or the firm's id for "invite" and "startNtfTest"). The change then uses
 * that verification up, within 5 minutes; without one: 403 STEP_UP_REQUIRED.
 */

/** The actions that take only a reason: POST /api/admin/users/:id/<action>. */
export const SIMPLE_USER_ACTIONS = [
  "resendInvitation",
  "revokeInvitation",
  "unlock",
  "resetMethods",
  "sendPasswordReset",
  "signOutEverywhere",
  "revokeTokens",
  "suspend",
  "reactivate",
  "deactivate",
] as const satisfies readonly AdminAction[];
export const SimpleUserAction = z.enum(SIMPLE_USER_ACTIONS);
export type SimpleUserAction = z.infer<typeof SimpleUserAction>;

export const AdminActionRequest = z.object({ reason: Reason });
export type AdminActionRequest = z.input<typeof AdminActionRequest>;

/**
 * The Order Form: a new API user, invited by email ("Welcome to Okta!", 30 days). The address must
 * be individual (no info@, admin@...), on one of the firm's registered domains, and no other
 * account's. A help desk names the firm; a firm administrator's own firm is used.
 */
export const OrderFormRequest = z.object({
  firstName: Name,
  lastName: Name,
  email: Email,
  firmId: z.optional(z.string().check(z.maxLength(100))),
  traqsUsernames: z.array(NewTraqsUsername).check(z.maxLength(10)),
  entitlements: Entitlements,
  /** The Nasdaq web applications (CMS Web, TRACK, NFM, Q-Port) the user may sign in to. */
  nasdaqApplications: z._default(z.array(NasdaqApplication).check(z.maxLength(4)), []),
  reason: Reason,
});
export type OrderFormRequest = z.input<typeof OrderFormRequest>;

/** PUT .../traqs-usernames/:username: set it Active or InActive. */
export const SetTraqsUsernameRequest = z.object({ active: z.boolean(), reason: Reason });
export type SetTraqsUsernameRequest = z.input<typeof SetTraqsUsernameRequest>;

/** PUT .../entitlements: a new Order Form entry that replaces the user's entitlements. */
export const EditEntitlementsRequest = z.object({ entitlements: Entitlements, reason: Reason });
export type EditEntitlementsRequest = z.input<typeof EditEntitlementsRequest>;

/** PUT .../nasdaq-applications: the Order Form's Nasdaq applications, replaced. */
export const EditNasdaqApplicationsRequest = z.object({
  nasdaqApplications: z.array(NasdaqApplication).check(z.maxLength(4)),
  reason: Reason,
});
export type EditNasdaqApplicationsRequest = z.input<typeof EditNasdaqApplicationsRequest>;

/** PUT .../profile: help desk only. The primary email is also the username. */
export const UpdateProfileRequest = z.object({
  firstName: Name,
  lastName: Name,
  email: Email,
  reason: Reason,
});
export type UpdateProfileRequest = z.input<typeof UpdateProfileRequest>;

/** PUT .../administrator: give or take the firm administrator role (firm administrators only). */
export const SetAdministratorRequest = z.object({ administrator: z.boolean(), reason: Reason });
export type SetAdministratorRequest = z.input<typeof SetAdministratorRequest>;

// ---- Audit log -----------------------------------------------------------------------------

export const AuditEvent = z.object({
  id: z.string(),
  at: Instant,
  /** Who: the administrator's name and email, and their role then. */
  administrator: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  role: z.enum(["firm-administrator", "help-desk"]),
  action: AdminAction,
  /** To whom: the user (or, for a firm's change, null), with the firm. */
  user: z.nullable(z.object({ id: z.string(), name: z.string(), email: z.string() })),
  firm: z.nullable(FirmRef),
  /** What changed, in words, e.g. "JDOE02 set Active". */
  detail: z.string(),
  reason: z.string(),
  result: z.enum(["success", "failure"]),
  /** For a failure: the error code it was refused with. */
  error: z.optional(z.string()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AUDIT_PAGE_SIZE = 50;

// Only zod functions the first page already uses: zod is one module in the first page's file, and
// a function any page uses (z.iso.date, z.coerce...) is kept there (see passkeys.ts).
const Day = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, "validation.day"),
  // A day of the calendar: 2026-13-45 and 2026-02-30 have the shape of one and are none.
  z.refine((day) => {
    const at = Date.parse(`${day}T00:00:00Z`);
    return !Number.isNaN(at) && new Date(at).toISOString().startsWith(day);
  }, "validation.day"),
);

/**
 * GET /api/admin/audit?administrator=&user=&action=&from=&to=&page= (all optional); the same query
 * on /api/admin/audit.csv gives every matching row as CSV (text/csv, an attachment). `administrator`
 * and `user` match a name or email (contains, any case); `from`/`to` are days (YYYY-MM-DD, UTC),
 * both included. Newest first.
 */
export const AuditSearchRequest = z.object({
  administrator: z.optional(z.string().check(z.trim(), z.maxLength(254))),
  user: z.optional(z.string().check(z.trim(), z.maxLength(254))),
  action: z.optional(AdminAction),
  from: z.optional(Day),
  to: z.optional(Day),
  page: z._default(z.string().check(z.regex(/^[1-9]\d{0,5}$/)), "1"),
});
export type AuditSearchRequest = z.input<typeof AuditSearchRequest>;

export const AuditPage = z.object({
  items: z.array(AuditEvent),
  total: z.number(),
  page: z.number(),
  pageCount: z.number(),
});
export type AuditPage = z.infer<typeof AuditPage>;

/** The CSV's columns, in order (its first line). */
export const AUDIT_CSV_COLUMNS = [
  "When",
  "Administrator",
  "Role",
  "Action",
  "User",
  "Firm",
  "Detail",
  "Reason",
  "Result",
] as const;

// ---- Firms ---------------------------------------------------------------------------------

/** NTF testing is free for 30 calendar days from the day the firm says it starts (the notice). */
export const NTF_FREE_DAYS = 30;

export const Firm = z.object({
  id: z.string(),
  name: z.string(),
  /** Registered email domains: invitations go only to addresses on these. */
  domains: z.array(z.string()),
  administrators: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
  userCount: z.number(),
  ntfTest: z.nullable(
    z.object({
      startedAt: Instant,
      /** The last free day's end: start + 30 calendar days. */
      endsAt: Instant,
      /** Free days left, 0 once ended. */
      daysLeft: z.number(),
    }),
  ),
});
export type Firm = z.infer<typeof Firm>;

/** GET /api/admin/firms: a firm administrator's own firm; every firm for the help desk. */
export const Firms = z.array(Firm);

/** POST .../ntf-test: the firm starts its free NTF test period (once). */
export const StartNtfTestRequest = z.object({ reason: Reason });
export type StartNtfTestRequest = z.input<typeof StartNtfTestRequest>;
