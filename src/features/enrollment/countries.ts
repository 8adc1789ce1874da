import { getCountries, getCountryCallingCode, type CountryCode } from "libphonenumber-js";

export type CountryOption = { code: CountryCode; label: string };

/** Every country with its calling code, named in the user's language; United States first. */
export function countryOptions(language: string): CountryOption[] {
  const names = new Intl.DisplayNames([language], { type: "region" });
  const options = getCountries().map((code) => ({
    code,
    label: `${names.of(code) ?? code} (+${getCountryCallingCode(code)})`,
  }));
  options.sort((a, b) =>
    a.code === "US" ? -1 : b.code === "US" ? 1 : a.label.localeCompare(b.label, language),
  );
  return options;
}
