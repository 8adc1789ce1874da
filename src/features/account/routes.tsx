import { Route } from "react-router";
import { endpoints } from "@/api/endpoints";
import { lazyPage } from "@/components/lazy-page";
import { paths } from "@/config/paths";

const SettingsPage = lazyPage(() => import("./routes/SettingsPage"), "SettingsPage", [
  endpoints.me,
  endpoints.account,
]);
const PreferencesPage = lazyPage(() => import("./routes/PreferencesPage"), "PreferencesPage");
const ActivityPage = lazyPage(() => import("./routes/ActivityPage"), "ActivityPage");
const ReportSuspiciousActivityPage = lazyPage(
  () => import("./routes/ReportSuspiciousActivityPage"),
  "ReportSuspiciousActivityPage",
);

/** The user menu's pages (guide Section 2): Settings, Preferences, Recent Activity. */
export const accountRoutes = (
  <>
    <Route path={paths.settings} element={<SettingsPage />} />
    <Route path={paths.preferences} element={<PreferencesPage />} />
    <Route path={paths.activity} element={<ActivityPage />} />
    <Route path={paths.reportSuspiciousActivity} element={<ReportSuspiciousActivityPage />} />
  </>
);
