import type { MockState, User } from "../db/state";
import { hashSecret, randomInt, secretMatches } from "./crypto";
import { notifySecurityChange } from "./notifications";

/**
 * Digits and capitals without the ones easily misread (0/O, 1/I/L): 31 symbols, so each character
 * carries log2(31) ≈ 4.95 bits.
 */
export const RECOVERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/** 16 characters ≈ 79 bits: above the 64 bits NIST SP 800-63B asks of a look-up secret used as a factor. */
export const RECOVERY_CODE_LENGTH = 16;
export const RECOVERY_CODE_COUNT = 10;

/** A code of that alphabet, from the secure random source, in groups of four: XXXX-XXXX-... */
export function newUnambiguousCode(length: number): string {
  let code = "";
  while (code.length < length)
    code += RECOVERY_CODE_ALPHABET[randomInt(0, RECOVERY_CODE_ALPHABET.length - 1)];
  return code.replace(/(.{4})(?=.)/g, "$1-");
}

const newRecoveryCode = () => newUnambiguousCode(RECOVERY_CODE_LENGTH);

/**
 * A new set of codes for the user, replacing (voiding) any older set, emailed and kept in Recent
 * Activity like any change of security methods. Only salted hashes are kept: the codes are
 * returned this once, to be shown.
 */
export async function generateRecoveryCodes(
  ctx: { state: MockState; now: number; userAgent: string },
  user: User,
): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(newRecoveryCode());
  const shown = [...codes];
  user.recoveryCodes = {
    codes: await Promise.all(shown.map((code) => hashSecret(code.replaceAll("-", "")))),
    createdAt: ctx.now,
  };
  notifySecurityChange(ctx, {
    user,
    type: "recovery_codes_generated",
    what: `Recovery codes (${RECOVERY_CODE_COUNT}); any earlier ones no longer work`,
    subject: "FINRA TRAQS - Recovery codes generated",
  });
  return shown;
}

/** Unused codes left, or undefined when the user never had a set. */
export function recoveryCodesLeft(user: User): number | undefined {
  return user.recoveryCodes?.codes.length;
}

/** The count as the screens' states carry it: absent when there never was a set. */
export function recoveryCodesView(user: User): { recoveryCodesLeft?: number } {
  const left = recoveryCodesLeft(user);
  return left === undefined ? {} : { recoveryCodesLeft: left };
}

/**
 * Uses a code (already without dashes, upper-cased): when it is one of the user's unused codes,
 * it is removed, so that it works once. Every stored hash is compared, whichever matches.
 */
export async function spendRecoveryCode(user: User, code: string): Promise<boolean> {
  const stored = user.recoveryCodes?.codes ?? [];
  const matches = await Promise.all(stored.map((hash) => secretMatches(code, hash)));
  const index = matches.indexOf(true);
  if (!user.recoveryCodes || index < 0) return false;
  user.recoveryCodes.codes.splice(index, 1);
  return true;
}

/** Every use is emailed and kept in Recent Activity, with how many are left. */
export function notifyRecoveryCodeUsed(
  ctx: { state: MockState; now: number; userAgent: string },
  user: User,
): void {
  const left = recoveryCodesLeft(user) ?? 0;
  notifySecurityChange(ctx, {
    user,
    type: "recovery_code_used",
    what: `A recovery code was used; ${left} left`,
    subject: "FINRA TRAQS - A recovery code was used",
  });
}
