/** Random and hashing helpers on Web Crypto, which both browsers and Node have. */

const URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export function randomId(length = 22): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => URL_SAFE[b & 63]).join("");
}

/** A uniformly random string of decimal digits (rejection sampling, no modulo bias). */
export function randomDigits(length: number): string {
  let out = "";
  while (out.length < length) {
    const [byte] = crypto.getRandomValues(new Uint8Array(1));
    if (byte !== undefined && byte < 250) out += String(byte % 10);
  }
  return out;
}

export function randomInt(minInclusive: number, maxInclusive: number): number {
  const span = maxInclusive - minInclusive + 1;
  const limit = Math.floor(0x1_0000_0000 / span) * span;
  for (;;) {
    const [value] = crypto.getRandomValues(new Uint32Array(1));
    if (value !== undefined && value < limit) return minInclusive + (value % span);
  }
}

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function sha256(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

export async function hashSecret(secret: string, salt = randomId(16)) {
  return { salt, hash: await sha256(`${salt}:${secret}`) };
}

export async function secretMatches(secret: string, stored: { salt: string; hash: string }) {
  const { hash } = await hashSecret(secret, stored.salt);
  return constantTimeEqual(hash, stored.hash);
}

export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
