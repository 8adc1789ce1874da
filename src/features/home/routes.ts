import type { PageRoute } from "../../config/page-route.ts";
import { paths } from "../../config/paths.ts";

/** The Main Page (Okta dashboard, guide Section 2) and its notifications. */
export const homeRoutes = [
  { path: paths.home, module: "/src/features/home/HomePage.tsx", page: "HomePage" },
  {
    path: paths.notifications,
    module: "/src/features/home/HomePage.tsx",
    page: "NotificationsPage",
  },
] as const satisfies readonly PageRoute[];
