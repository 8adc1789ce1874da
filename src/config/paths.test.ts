import { describe, expect, it } from "vitest";
import { safeReturnPath, withFrom } from "./paths";

describe("safeReturnPath", () => {
  it("keeps a path inside the app", () => {
    expect(safeReturnPath("/traqs?x=1")).toBe("/traqs?x=1");
  });
  it.each([
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "//[",
    "javascript:alert(1)",
    "",
    null,
  ])("refuses %s (no open redirect)", (from) => {
    expect(safeReturnPath(from)).toBeNull();
  });
  it("never returns to a sign-in screen", () => {
    expect(safeReturnPath("/signin/password")).toBeNull();
  });
});

describe("withFrom", () => {
  it("encodes the page to return to", () => {
    expect(withFrom("/signin", "/app?tab=1")).toBe("/signin?from=%2Fapp%3Ftab%3D1");
    expect(withFrom("/signin", null)).toBe("/signin");
  });
});
