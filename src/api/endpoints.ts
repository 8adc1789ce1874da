/**
 * The GETs pages open with. Their queries and the route table (whose pages send them while their
 * code loads) both name them from here, so the early request is always the one the query takes.
 * Each is some page's `opensWith` (src/app/route-table.test.ts).
 */
export const endpoints = {
  me: "/api/me",
  account: "/api/account",
  refreshTokens: "/api/traqs/api/tokens",
  enrollment: "/api/enroll",
  nasdaqEnrollment: "/api/nasdaq/enrollment",
  nasdaqSession: "/api/nasdaq/session",
} as const;
