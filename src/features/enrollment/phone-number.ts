import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/** The number typed under Country and Phone number, as E.164, or null when it cannot be a real one. */
export function toE164(country: CountryCode, typed: string): string | null {
  const parsed = parsePhoneNumberFromString(typed, country);
  return parsed?.isValid() ? parsed.number : null;
}
