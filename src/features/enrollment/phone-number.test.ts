import { describe, expect, it } from "vitest";
import { countryOptions } from "./countries";
import { toE164 } from "./phone-number";

describe("toE164", () => {
  it.each([
    ["US", "(202) 555-0143", "+12025550143"],
    ["US", "202.555.0143", "+12025550143"],
    ["US", "+1 202 555 0143", "+12025550143"],
    ["GB", "020 7946 0018", "+442079460018"],
    ["FR", "01 42 68 53 00", "+33142685300"],
  ] as const)("reads %s %j as %s", (country, typed, e164) => {
    expect(toE164(country, typed)).toBe(e164);
  });

  it.each([
    ["US", "555-0143"],
    ["US", "abc"],
    ["US", ""],
    ["GB", "12345"],
  ] as const)("refuses %s %j", (country, typed) => {
    expect(toE164(country, typed)).toBeNull();
  });
});

describe("countryOptions", () => {
  it("lists every country with its calling code, United States first", () => {
    const options = countryOptions("en");
    expect(options[0]).toEqual({ code: "US", label: "United States (+1)" });
    expect(options.length).toBeGreaterThan(200);
    expect(options.find((o) => o.code === "GB")?.label).toBe("United Kingdom (+44)");
  });

  it("names the countries in the user's language", () => {
    expect(countryOptions("fr").find((o) => o.code === "DE")?.label).toBe("Allemagne (+49)");
  });
});
