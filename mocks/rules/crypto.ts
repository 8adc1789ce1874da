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

/** A new AES-GCM key that cannot be read back out (kept apart from the data it seals). */
export function newSealingKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** `text` encrypted under `key` (AES-GCM, a random IV): "iv.ciphertext" in base64. */
export async function seal(key: CryptoKey, text: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new TextEncoder().encode(text);
  const sealed = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, data);
  return `${toBase64(iv)}.${toBase64(new Uint8Array(sealed))}`;
}

/** The text `seal` encrypted, or null when it was sealed under another key (or altered). */
export async function unseal(key: CryptoKey, sealed: string): Promise<string | null> {
  const [iv = "", data = ""] = sealed.split(".");
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: fromBase64(iv) },
      key,
      fromBase64(data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}
