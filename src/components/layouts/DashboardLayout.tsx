import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink } from "react-router";
import type { Me } from "@/api/contracts/me";
import { paths } from "@/config/paths";
import { EnvironmentBanner } from "../ui/EnvironmentBanner";
import { Loading } from "../ui/Loading";
import { Logo } from "../ui/Logo";
import { PageHeading } from "../ui/PageHeading";
import { UserMenu, UserMenuPlaceholder } from "./UserMenu";
import "./layout.css";

/**
 * The Okta dashboard frame (guide Section 2): the horizontal masthead with the logo and the user
 * menu, and the vertical one with My Apps and Notifications. On a phone the vertical one folds
 * behind a Menu button, placed just before it so that focus moves from the button into it.
 * Without `me` (the user not known yet, and the build's prerender) the user menu is a placeholder
 * of its size.
 */
export function DashboardLayout({ me, children }: { me?: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const navId = useId();
  const [navOpen, setNavOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  // Escape folds the navigation again and puts focus back on its button.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !navOpen) return;
    setNavOpen(false);
    toggle.current?.focus();
  };
  return (
    <>
      <EnvironmentBanner />
      <header className="masthead">
        <Link to={paths.home} className="masthead-logo" aria-label={t("home.logoLink")}>
          <Logo />
        </Link>
        {me ? <UserMenu me={me} /> : <UserMenuPlaceholder />}
      </header>
      <div className="dashboard">
        <div className="dashboard-nav" onKeyDown={onKeyDown}>
          <button
            ref={toggle}
            type="button"
            className="nav-toggle"
            aria-expanded={navOpen}
            aria-controls={navId}
            onClick={() => setNavOpen((open) => !open)}
          >
            {t("home.menu")}
          </button>
          <nav
            id={navId}
            className="side-nav"
            aria-label={t("home.navigation")}
            data-open={navOpen || undefined}
          >
            <NavLink to={paths.home} end>
              {t("home.myApps")}
            </NavLink>
            <NavLink to={paths.notifications}>{t("home.notifications")}</NavLink>
          </nav>
        </div>
        <main className="page">{children}</main>
      </div>
    </>
  );
}

/**
 * A dashboard page while the user is not known yet (`RequireSession`'s `whileLoading`): its frame
 * and heading, "Loading…" where its data goes. The build prerenders it (decision 030). It is the
 * same `DashboardLayout` element as the page's, not a component around it, so that the frame stays
 * mounted when the user is known: the heading keeps its place and an opened Menu stays open.
 */
export function dashboardLoading(title: string): ReactNode {
  return (
    <DashboardLayout>
      <PageHeading title={title} />
      <Loading />
    </DashboardLayout>
  );
}
