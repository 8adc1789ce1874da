import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink } from "react-router";
import type { Me } from "@/api/contracts/me";
import { paths } from "@/config/paths";
import { EnvironmentBanner } from "./EnvironmentBanner";
import { Logo } from "./Logo";
import { UserMenu } from "./UserMenu";

/**
 * The Okta dashboard frame (guide Section 2): the horizontal masthead with the logo and the user
 * menu, and the vertical one with My Apps and Notifications.
 */
export function DashboardLayout({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <EnvironmentBanner />
      <header className="masthead">
        <Link to={paths.home} className="masthead-logo" aria-label={t("home.logoLink")}>
          <Logo />
        </Link>
        <UserMenu me={me} />
      </header>
      <div className="dashboard">
        <nav className="side-nav" aria-label={t("home.navigation")}>
          <NavLink to={paths.home} end>
            {t("home.myApps")}
          </NavLink>
          <NavLink to={paths.notifications}>{t("home.notifications")}</NavLink>
        </nav>
        <main className="page">{children}</main>
      </div>
    </>
  );
}
