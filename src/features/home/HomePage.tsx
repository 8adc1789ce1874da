import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Me } from "@/api/contracts/me";
import { EnvironmentBanner } from "@/components/EnvironmentBanner";
import { Logo } from "@/components/Logo";
import { PageHeading } from "@/components/PageHeading";
import { RequireSession } from "@/components/RequireSession";
import { UserMenu } from "@/components/UserMenu";
import { paths } from "@/config/paths";

/** The Main Page (Okta dashboard, guide Section 2): My Apps with the TRAQS tile. */
export function HomePage() {
  return <RequireSession>{(me) => <Dashboard me={me} />}</RequireSession>;
}

function Dashboard({ me }: { me: Me }) {
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
          <Link to={paths.home} aria-current="page">
            {t("home.myApps")}
          </Link>
        </nav>
        <main className="page">
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
          </ul>
        </main>
      </div>
    </>
  );
}
