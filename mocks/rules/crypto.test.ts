import { describe, expect, it } from "vitest";
import { constantTimeEqual, hashSecret, randomDigits, secretMatches } from "./crypto";

describe("randomDigits", () => {
  it.each([1, 5, 6, 8, 32])("gives %i decimal digits", (length) => {
    expect(randomDigits(length)).toMatch(new RegExp(`^\\d{${length}}$`));
  });

  it("uses every digit and is not the same twice", () => {
    const many = randomDigits(2000);
    expect(new Set(many).size).toBe(10);
    expect(randomDigits(16)).not.toBe(randomDigits(16));
  });
});

describe("constantTimeEqual", () => {
  it("is true only for the same string", () => {
    expect(constantTimeEqual("abc123", "abc123")).toBe(true);
    expect(constantTimeEqual("", "")).toBe(true);
    expect(constantTimeEqual("abc123", "abc124")).toBe(false);
    expect(constantTimeEqual("abc123", "Abc123")).toBe(false);
    expect(constantTimeEqual("abc", "abc123")).toBe(false);
    expect(constantTimeEqual("abc123", "abc")).toBe(false);
  });
});

describe("hashSecret and secretMatches", () => {
  const password = "Enrolled-Passw0rd-2024";

  it("matches the secret it hashed and nothing else", async () => {
    const stored = await hashSecret(password);
    expect(stored.hash).not.toContain(password);
    expect(await secretMatches(password, stored)).toBe(true);
    expect(await secretMatches("wrong", stored)).toBe(false);
  });

  it("keeps case and compares the whole password (no truncation)", async () => {
    const long = `${"a".repeat(200)}Z`;
    const stored = await hashSecret(long);
    expect(await secretMatches(long, stored)).toBe(true);
    expect(await secretMatches(`${"a".repeat(200)}z`, stored)).toBe(false);
    expect(await secretMatches("a".repeat(200), stored)).toBe(false);
    expect(await secretMatches(`${long}!`, stored)).toBe(false);
    expect(await secretMatches(password.toLowerCase(), await hashSecret(password))).toBe(false);
  });

  it("salts: the same secret hashes differently under two salts, the same under one", async () => {
    const a = await hashSecret(password);
    const b = await hashSecret(password);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await hashSecret(password, a.salt)).toEqual(a);
  });
});
