import { HOTP, Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { checkTotp, generateTotp, newTotpSecret, TOTP_ISSUER, totpStep, totpUri } from "./totp";

const SHA1_SEED = "12345678901234567890";
const SEEDS = {
  SHA1: SHA1_SEED,
  SHA256: SHA1_SEED.repeat(2).slice(0, 32),
  SHA512: SHA1_SEED.repeat(4).slice(0, 64),
} as const;

// RFC 6238 Appendix B (SECURITY.md item 14): time → SHA1, SHA256, SHA512.
const RFC6238: [number, string, string, string][] = [
  [59, "94287082", "46119246", "90693936"],
  [1111111109, "07081804", "68084774", "25091201"],
  [1111111111, "14050471", "67062674", "99943326"],
  [1234567890, "89005924", "91819424", "93441116"],
  [2000000000, "69279037", "90698825", "38618901"],
  [20000000000, "65353130", "77737706", "47863826"],
];

// RFC 4226 Appendix D: HOTP of the SHA1 seed, counters 0 to 9.
const RFC4226 = [
  "755224",
  "287082",
  "359152",
  "969429",
  "338314",
  "254676",
  "287922",
  "162583",
  "399871",
  "520489",
];

describe("RFC test vectors", () => {
  it.each(RFC6238)("RFC 6238 at T = %i s", (seconds, sha1, sha256, sha512) => {
    const expected = { SHA1: sha1, SHA256: sha256, SHA512: sha512 };
    for (const algorithm of ["SHA1", "SHA256", "SHA512"] as const) {
      const code = TOTP.generate({
        secret: Secret.fromLatin1(SEEDS[algorithm]),
        algorithm,
        digits: 8,
        period: 30,
        timestamp: seconds * 1000,
      });
      expect(code, algorithm).toBe(expected[algorithm]);
    }
  });

  it("RFC 4226 HOTP, counters 0 to 9", () => {
    const secret = Secret.fromLatin1(SHA1_SEED);
    const codes = RFC4226.map((_, counter) => HOTP.generate({ secret, counter, digits: 6 }));
    expect(codes).toEqual(RFC4226);
  });

  it("our generateTotp and checkTotp agree with the RFC 6238 SHA1 vectors (6-digit truncation)", () => {
    const base32 = Secret.fromLatin1(SHA1_SEED).base32;
    for (const [seconds, sha1] of RFC6238) {
      const code = sha1.slice(-6);
      expect(generateTotp(base32, seconds * 1000)).toBe(code);
      expect(checkTotp(base32, code, seconds * 1000, 0)).toEqual({
        result: "ok",
        step: Math.floor(seconds / 30),
      });
    }
  });
});

describe("checkTotp", () => {
  const key = "JBSWY3DPEHPK3PXP";
  const now = Date.UTC(2025, 5, 2, 14, 0, 10);
  const step = totpStep(now);
  /** The code an authenticator whose clock is `seconds` off shows now. */
  const codeAt = (seconds: number) => generateTotp(key, now + seconds * 1000);

  it("accepts the current step and one step either side, reporting which step", () => {
    expect(checkTotp(key, codeAt(0), now, 0)).toEqual({ result: "ok", step });
    expect(checkTotp(key, codeAt(-30), now, 0)).toEqual({ result: "ok", step: step - 1 });
    expect(checkTotp(key, codeAt(30), now, 0)).toEqual({ result: "ok", step: step + 1 });
  });

  it("does not accept two steps either side: they are reported as clock skew", () => {
    expect(checkTotp(key, codeAt(60), now, 0)).toEqual({
      result: "skewed",
      skewSeconds: 60,
      step: step + 2,
    });
    expect(checkTotp(key, codeAt(-60), now, 0)).toEqual({
      result: "skewed",
      skewSeconds: -60,
      step: step - 2,
    });
  });

  it("reports a code from a clock minutes off as skewed, with the sign of the offset", () => {
    expect(checkTotp(key, codeAt(5 * 60), now, 0)).toEqual({
      result: "skewed",
      skewSeconds: 300,
      step: step + 10,
    });
    expect(checkTotp(key, codeAt(-5 * 60), now, 0)).toEqual({
      result: "skewed",
      skewSeconds: -300,
      step: step - 10,
    });
    expect(checkTotp(key, codeAt(10 * 60), now, 0)).toEqual({
      result: "skewed",
      skewSeconds: 600,
      step: step + 20,
    });
  });

  it("calls garbage invalid", () => {
    for (const garbage of ["", "abcdef", "12345", "1234567", codeAt(0).replace(/\d$/, "x")])
      expect(checkTotp(key, garbage, now, 0), garbage).toEqual({ result: "invalid" });
  });

  it("refuses an accepted code the second time, and every code from an earlier step", () => {
    const first = checkTotp(key, codeAt(0), now, 0);
    expect(first).toEqual({ result: "ok", step });
    const lastUsedStep = step;
    expect(checkTotp(key, codeAt(0), now, lastUsedStep)).toEqual({ result: "replayed" });
    expect(checkTotp(key, codeAt(-30), now, lastUsedStep)).toEqual({ result: "replayed" });
    // The next code still works.
    expect(checkTotp(key, codeAt(30), now, lastUsedStep)).toEqual({ result: "ok", step: step + 1 });
  });
});

describe("secrets and the QR URI", () => {
  it("newTotpSecret gives 160 random bits as 32 base32 characters, new each time", () => {
    const secrets = Array.from({ length: 20 }, () => newTotpSecret());
    for (const secret of secrets) expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(new Set(secrets).size).toBe(secrets.length);
  });

  it("totpUri follows the Key Uri Format with the issuer as label prefix and parameter", () => {
    const secret = newTotpSecret();
    const uri = totpUri(secret, "jane.doe@yourfirm.org");
    expect(uri.startsWith("otpauth://totp/FINRA%20TRAQS:jane.doe%40yourfirm.org?")).toBe(true);
    expect(uri).toMatch(/[?&]issuer=FINRA%20TRAQS(&|$)/);
    expect(uri).toMatch(/[?&]algorithm=SHA1&digits=6&period=30$/);

    const url = new URL(uri);
    const [prefix, account] = decodeURIComponent(url.pathname.slice(1)).split(":");
    expect(prefix).toBe(TOTP_ISSUER);
    expect(url.searchParams.get("issuer")).toBe(prefix);
    expect(account).toBe("jane.doe@yourfirm.org");
    expect(url.searchParams.get("secret")).toBe(secret);
  });
});
