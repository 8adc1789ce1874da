import Bowser from "bowser";

/**
 * "Chrome on Linux": what Recent Activity and a notification say about where a change came from.
 * A kept parser reads the user agent (decision 014); a client it does not know (curl, a script) is
 * named by its first product token.
 */
export function describeClient(userAgent: string): string {
  const parsed = userAgent ? Bowser.parse(userAgent) : null;
  const browser =
    parsed?.browser.name || /^([\w.-]+)\//.exec(userAgent)?.[1] || "an unknown browser";
  const system = parsed?.os.name || "an unknown system";
  return `${browser} on ${system}`;
}

/**
 * The user agent of a request. The in-page mock answers requests its own page made, which reach it
 * without the header (the browser adds it on the network, past the service worker): it is this
 * page's. On the local server every client sends its own.
 */
export function userAgentOf(request: Request): string {
  const sent = request.headers.get("user-agent");
  if (sent) return sent;
  return typeof document === "undefined" ? "unknown" : navigator.userAgent;
}
