export const SESSION_COOKIE = "traqs_sid";

/**
 * The session cookie. In the browser the mock runs in the page itself and can only set cookies
 * through document.cookie, which refuses HttpOnly; the local server sends the real attributes.
 */
export function sessionCookie(id: string | null, name = SESSION_COOKIE): string {
  const httpOnly = typeof document === "undefined" ? "; HttpOnly" : "";
  const value = id ?? "";
  const expiry = id ? "" : "; Max-Age=0";
  return `${name}=${value}; Path=/; SameSite=Strict${httpOnly}${expiry}`;
}
