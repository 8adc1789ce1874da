import { parsePhoneNumberFromString } from "libphonenumber-js";

/** "+12025550143" → "+1 XXX-XXX-0143": enough to recognise one's own phone, no more. */
export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return "XXX-XXXX";
  const groups = parsed.formatInternational().split(" ").slice(1);
  let visible = 4;
  const masked = groups
    .reverse()
    .map((group) =>
      group
        .split("")
        .reverse()
        .map((ch) => (/\d/.test(ch) && visible-- > 0 ? ch : /\d/.test(ch) ? "X" : ch))
        .reverse()
        .join(""),
    )
    .reverse();
  return `+${parsed.countryCallingCode} ${masked.join("-")}`;
}
