import { endpoints } from "../../api/endpoints.ts";
import type { PageRoute } from "../../config/page-route.ts";
import { paths } from "../../config/paths.ts";

/** The user menu's pages (guide Section 2): Settings, Preferences, Recent Activity. */
export const accountRoutes = [
  {
    path: paths.settings,
    module: "/src/features/account/routes/SettingsPage.tsx",
    page: "SettingsPage",
    opensWith: [endpoints.me, endpoints.account],
  },
  {
    path: paths.preferences,
    module: "/src/features/account/routes/PreferencesPage.tsx",
    page: "PreferencesPage",
  },
  {
    path: paths.activity,
    module: "/src/features/account/routes/ActivityPage.tsx",
    page: "ActivityPage",
  },
  {
    path: paths.reportSuspiciousActivity,
    module: "/src/features/account/routes/ReportSuspiciousActivityPage.tsx",
    page: "ReportSuspiciousActivityPage",
  },
] as const satisfies readonly PageRoute[];
