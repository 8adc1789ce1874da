import * as z from "zod/mini";
import { Facility } from "./admin";
import { PhoneChannel } from "./authn";
import { Instant } from "./common";
import { TraqsUsername } from "./me";

// The mock backend's scenarios (`POST /__dev/users`): QA's own users. The app never loads this,
// but the in-page mock does: only zod functions the first page already uses (see passkeys.ts).

/** A security method a scenario's user has, each created with a secret the test can use. */
export const ScenarioMethod = z.enum(["google_authenticator", "okta_verify", "sms", "voice"]);
export type ScenarioMethod = z.infer<typeof ScenarioMethod>;

/** The user a test needs, described: everything is optional and has a usable default. */
export const CreateUserRequest = z.object({
  /** The username (email address); default: a new one, unique in this namespace. */
  login: z.optional(z.string().check(z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/), z.maxLength(254))),
  firstName: z.optional(z.string().check(z.minLength(1), z.maxLength(60))),
  lastName: z.optional(z.string().check(z.minLength(1), z.maxLength(60))),
  /** invited: the invitation email is sent, nothing is set up; enrolled: ready to sign in. */
  state: z.optional(z.enum(["invited", "enrolled"])),
  /** Enrolled: the password; default: a new one that meets the rules. */
  password: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
  /** Enrolled: the security methods for access; default Google Authenticator. */
  methods: z.optional(z.array(ScenarioMethod).check(z.maxLength(10))),
  /** Enrolled: a set of recovery codes, returned once. */
  recoveryCodes: z.optional(z.boolean()),
  /** Locked now, as after too many wrong passwords: unlocks by itself after 15 minutes. */
  locked: z.optional(z.boolean()),
  /**
   * How long ago the password was last changed (default 30 days). 0: today, so the rule "at least
   * 1 day since the last change" refuses a new one.
   */
  passwordChangedDaysAgo: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(3650))),
  /** API / Download: the facilities the user is entitled to (TRACE-CA, ADF...), in NTF and Production. */
  apiFacilities: z.optional(z.array(Facility).check(z.maxLength(10))),
  /** The firm the user belongs to (`your-firm`, `other-firm`, `large-broker`); default none. */
  firmId: z.optional(z.string().check(z.maxLength(100))),
  /** An administrator: of their firm (with `firmId`), or the help desk. */
  role: z.optional(z.enum(["firm-administrator", "help-desk"])),
  traqsUsernames: z.optional(z.array(TraqsUsername).check(z.maxLength(20))),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

/** A method of a scenario's user, with what a test needs to verify with it. */
export const ScenarioMethodDetails = z.object({
  id: z.string(),
  type: z.enum(["google_authenticator", "okta_verify", "phone"]),
  /** Google Authenticator and Okta Verify: the TOTP key (base32), for codes the test computes. */
  secret: z.optional(z.string()),
  /** Phone: the number (E.164); its codes arrive in the development outbox. */
  e164: z.optional(z.string()),
  channel: z.optional(PhoneChannel),
  deviceName: z.optional(z.string()),
});
export type ScenarioMethodDetails = z.infer<typeof ScenarioMethodDetails>;

export const CreatedUser = z.object({
  id: z.string(),
  login: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  state: z.enum(["invited", "enrolled"]),
  password: z.nullable(z.string()),
  securityQuestion: z.nullable(z.object({ question: z.string(), answer: z.string() })),
  methods: z.array(ScenarioMethodDetails),
  recoveryCodes: z.nullable(z.array(z.string())),
  /** Invited: the invitation's link, as the email has it (also in the outbox). */
  activationLink: z.nullable(z.string()),
  lockedUntil: z.nullable(Instant),
});
export type CreatedUser = z.infer<typeof CreatedUser>;
