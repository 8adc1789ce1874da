import { describe, expect, it } from "vitest";
import { VerifyCodeRequest } from "./authn";

describe("VerifyCodeRequest", () => {
  it("drops the spaces authenticator apps show inside a code", () => {
    expect(VerifyCodeRequest.parse({ methodId: "m", code: " 123 456 " }).code).toBe("123456");
  });
  it.each(["12a456", "1234", "123456789", ""])("refuses %j", (code) => {
    expect(VerifyCodeRequest.safeParse({ methodId: "m", code }).success).toBe(false);
  });
});
