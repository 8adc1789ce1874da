/**
 * The GETs pages open with. Their queries and `lazyPage` (which sends them while the page's code
 * loads) both name them from here, so the early request is always the one the query takes.
 */
export const endpoints = {
  me: "/api/me",
  account: "/api/account",
  refreshTokens: "/api/traqs/api/tokens",
  enrollment: "/api/enroll",
} as const;
