import * as z from "zod/mini";

// Apart from the sign-in contract: only the screens that take a recovery code load this.

/**
 * A typed recovery code: dashes and spaces are dropped and letters upper-cased, so that it may be
 * typed as shown (XXXX-XXXX-XXXX-XXXX), without dashes, or in any case.
 */
export const RecoveryCode = z.pipe(
  z.string().check(z.maxLength(64, "recoveryCodes.invalid")),
  z.pipe(
    z.transform((value: string) => value.replace(/[\s-]+/g, "").toUpperCase()),
    z
      .string()
      .check(
        z.minLength(1, "validation.required"),
        z.regex(/^[A-Z0-9]{16}$/, "recoveryCodes.invalid"),
      ),
  ),
);

export const RecoveryCodeRequest = z.object({ code: RecoveryCode });
export type RecoveryCodeRequest = z.input<typeof RecoveryCodeRequest>;
