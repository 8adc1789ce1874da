import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DashboardLayout, dashboardLoading } from "@/components/layouts/DashboardLayout";
import { PageHeading } from "@/components/ui/PageHeading";
import { RequireSession } from "@/components/layouts/RequireSession";
import { NASDAQ_APPLICATION_NAMES } from "@/api/contracts/nasdaq";
import { paths } from "@/config/paths";

/**
 * The Main Page (Okta dashboard, guide Section 2): My Apps with the TRAQS tile, a tile for each
 * Nasdaq application the user is entitled to (without an enrolled MobilePASS token it leads to
 * enrollment first, `nasdaq-2fa-mobilepass.md`), and the Administration tile for an
 * administrator (issue 16).
 */
export function HomePage() {
  const { t } = useTranslation();
  return (
    <RequireSession whileLoading={dashboardLoading(t("home.myApps"))}>
      {(me) => (
        <DashboardLayout me={me}>
          <PageHeading title={t("home.myApps")} />
          <ul className="app-tiles">
            <li>
              <Link to={paths.traqs} className="app-tile">
                <span className="app-tile-icon" aria-hidden="true">
                  T
                </span>
                <span>{t("home.traqsTile")}</span>
              </Link>
            </li>
            {me.nasdaqApplications.map((application) => (
              <li key={application}>
                <Link
                  to={
                    me.mobilePassEnrolled
                      ? paths.nasdaqApplication.replace(":application", application)
                      : paths.nasdaqEnroll
                  }
                  className="app-tile"
                >
                  <span className="app-tile-icon" aria-hidden="true">
                    N
                  </span>
                  <span>{NASDAQ_APPLICATION_NAMES[application]}</span>
                </Link>
              </li>
            ))}
            {me.administration ? (
              <li>
                <Link to={paths.adminUsers} className="app-tile">
                  <span className="app-tile-icon" aria-hidden="true">
                    A
                  </span>
                  <span>{t("home.administrationTile")}</span>
                </Link>
              </li>
            ) : null}
          </ul>
        </DashboardLayout>
      )}
    </RequireSession>
  );
}

/** Notifications (vertical masthead): messages from FINRA about the account. */
export function NotificationsPage() {
  const { t } = useTranslation();
  return (
    <RequireSession whileLoading={dashboardLoading(t("home.notifications"))}>
      {(me) => (
        <DashboardLayout me={me}>
          <PageHeading title={t("home.notifications")} />
          <p>{t("home.noNotifications")}</p>
        </DashboardLayout>
      )}
    </RequireSession>
  );
}
