import * as z from "zod/mini";

// No `new Function` anywhere zod runs: the page's Content-Security-Policy forbids eval, and zod's
// probe for it would be reported as a violation (SECURITY 26).
z.config({ jitless: true });

/**
 * An error answer as the app reads it. Its `code` is one of `ERROR_CODES`
 * (`./error-codes.ts`, which the mock and the published contract use), read here as any string so
 * that the list stays out of the first page; a code without words in the UI shows the message.
 */
export const ErrorAnswer = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    retryAfterSeconds: z.optional(z.number()),
    /** For CLOCK_SKEW: how far the authenticator's clock seems to be off, in seconds. */
    skewSeconds: z.optional(z.number()),
    fields: z.optional(z.record(z.string(), z.string())),
    /** For PASSWORD_POLICY: the rules the password broke (see src/api/password-policy.ts). */
    rules: z.optional(z.array(z.string())),
  }),
});
export type ErrorAnswer = z.infer<typeof ErrorAnswer>;

/** ISO 8601 instant as sent on the wire. */
export const Instant = z.string().check(z.iso.datetime());
