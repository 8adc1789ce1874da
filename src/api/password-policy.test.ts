import { describe, expect, it } from "vitest";
import { brokenPasswordRules, usernameParts } from "./password-policy";

const john = { login: "john.smith@yourfirm.org", firstName: "John", lastName: "Smith" };

describe("brokenPasswordRules", () => {
  it("accepts a password that meets every rule", () => {
    expect(brokenPasswordRules("Correct-Horse-7-Battery", john)).toEqual([]);
  });

  it.each([
    ["Short-Pw-1", "minLength"],
    ["NO-LOWERCASE-1234", "lowercase"],
    ["no-uppercase-1234", "uppercase"],
    ["No-Number-Here-At-All", "number"],
    ["Yourfirm-Rocks-2024", "noUsernameParts"],
    ["Smith-Family-2024", "noLastName"],
    ["Johnny-B-Goode-2024", "noFirstName"],
    ["Password1234", "notCommon"],
  ] as const)("refuses %j for %s", (password, rule) => {
    expect(brokenPasswordRules(password, john)).toContain(rule);
  });

  it("compares the whole password, case kept: a longer password is not cut short", () => {
    const long = `${"a".repeat(200)}B7`;
    expect(brokenPasswordRules(long, john)).toEqual([]);
    expect(brokenPasswordRules(long.toLowerCase(), john)).toEqual(["uppercase"]);
  });

  it("counts letters and digits of other scripts", () => {
    expect(brokenPasswordRules("Ünïcödé-Pässwört-٣", john)).toEqual([]);
  });
});

describe("usernameParts", () => {
  it("splits the username on Okta's delimiters and keeps parts of three letters or more", () => {
    expect(usernameParts("Jo.Smith-Jones_x@yourfirm.org")).toEqual([
      "smith",
      "jones",
      "yourfirm",
      "org",
    ]);
  });
});
