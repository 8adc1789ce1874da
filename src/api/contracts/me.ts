import * as z from "zod/mini";

// The Nasdaq applications are here, not in ./nasdaq.ts: Me is on the first page, that module is not.
/**
 * The Nasdaq web applications that sign in on the "Two-Factor Authentication" window
 * (`nasdaq-2fa-mobilepass.md`); "Additional web applications will follow at a later stage".
 */
export const NASDAQ_APPLICATIONS = ["cms-web", "track", "nfm", "q-port"] as const;
export const NasdaqApplication = z.enum(NASDAQ_APPLICATIONS);
export type NasdaqApplication = z.infer<typeof NasdaqApplication>;

export const LANGUAGES = ["en", "es", "fr"] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const TraqsUsername = z.object({ username: z.string(), active: z.boolean() });
export type TraqsUsername = z.infer<typeof TraqsUsername>;

/**
 * What the user administers, if anything: a firm administrator (the guide's Super Account
 * Administrator) their own firm's users; the help desk every firm's (src/api/contracts/admin.ts).
 */
export const AdministrationRole = z.object({
  role: z.enum(["firm-administrator", "help-desk"]),
  /** The firm a firm administrator administers; null for the help desk. */
  firm: z.nullable(z.object({ id: z.string(), name: z.string() })),
});
export type AdministrationRole = z.infer<typeof AdministrationRole>;

/** The signed-in user, as every signed-in screen needs it. */
export const Me = z.object({
  firstName: z.string(),
  lastName: z.string(),
  login: z.string(),
  email: z.string(),
  traqsUsernames: z.array(TraqsUsername),
  /** The TRAQS username chosen for this session; null until one is chosen. */
  traqsUsername: z.nullable(z.string()),
  apiAccess: z.boolean(),
  /**
   * The Nasdaq web applications the user is entitled to (My Apps tiles), and whether their
   * MobilePASS token is enrolled: without one, a tile leads to enrollment.
   */
  nasdaqApplications: z.array(NasdaqApplication),
  mobilePassEnrolled: z.boolean(),
  /** The display language chosen in Settings; null follows the browser. */
  language: z.nullable(Language),
  /** Shows "Administration" in the user menu and on My Apps; null for everyone else. */
  administration: z.nullable(AdministrationRole),
});
export type Me = z.infer<typeof Me>;

export const SelectTraqsUsernameRequest = z.object({
  username: z.string().check(z.minLength(1, "validation.chooseUsername")),
});
export type SelectTraqsUsernameRequest = z.infer<typeof SelectTraqsUsernameRequest>;
