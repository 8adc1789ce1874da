import { describe, expect, it } from "vitest";
import { maskPhone } from "./phone";

/** The digits shown after the country code. */
const visibleDigits = (masked: string) => masked.replace(/^\+\d+ /, "").replace(/\D/g, "");

describe("maskPhone", () => {
  it("shows a US number's country code and last 4 digits only", () => {
    expect(maskPhone("+12025550143")).toBe("+1 XXX-XXX-0143");
  });

  it.each([
    ["+447911123456", "+44 XXXX-XX3456"],
    ["+33612345678", "+33 X-XX-XX-56-78"],
  ])("keeps only the last 4 digits of %s visible", (e164, expected) => {
    const masked = maskPhone(e164);
    expect(masked).toBe(expected);
    expect(visibleDigits(masked)).toBe(e164.slice(-4));
  });
});
