import { endpoints } from "../../api/endpoints.ts";
import type { PageRoute } from "../../config/page-route.ts";
import { paths } from "../../config/paths.ts";

/**
 * The Nasdaq two-factor login (`nasdaq-2fa-mobilepass.md`): the "Two-Factor Authentication"
 * window, each application's page, and the enrollment of a MobilePASS token.
 */
export const nasdaqRoutes = [
  {
    path: paths.nasdaqLogin,
    module: "/src/features/nasdaq/routes/NasdaqLoginPage.tsx",
    page: "NasdaqLoginPage",
  },
  {
    path: paths.nasdaqApplication,
    module: "/src/features/nasdaq/routes/NasdaqApplicationPage.tsx",
    page: "NasdaqApplicationPage",
    opensWith: [endpoints.nasdaqSession],
  },
  {
    path: paths.nasdaqEnroll,
    module: "/src/features/nasdaq/routes/NasdaqEnrollPage.tsx",
    page: "NasdaqEnrollPage",
    opensWith: [endpoints.me, endpoints.nasdaqEnrollment],
  },
  {
    path: paths.nasdaqEnrollWithCode,
    module: "/src/features/nasdaq/routes/NasdaqEnrollPage.tsx",
    page: "NasdaqEnrollPage",
    opensWith: [endpoints.me, endpoints.nasdaqEnrollment],
  },
] as const satisfies readonly PageRoute[];
