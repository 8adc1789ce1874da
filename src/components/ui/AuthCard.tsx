import type { ReactNode } from "react";
import { useTranslation } from "@/i18n/first-screen";
import { Link } from "react-router";
import { paths } from "@/config/paths";
import { EnvironmentBanner } from "./EnvironmentBanner";
import { Logo } from "./Logo";
import { PageHeading } from "./PageHeading";

type AuthCardProps = {
  title: string;
  /** The username the screen is for, shown under the title as in the guide. */
  username?: string | null;
  children: ReactNode;
  footer?: ReactNode;
};

/** The sign-in and set-up screens' frame: logo, heading, the user, the form, links below. */
export function AuthCard({ title, username, children, footer }: AuthCardProps) {
  const { t } = useTranslation();
  return (
    <>
      <EnvironmentBanner />
      <main className="auth-page">
        <div className="auth-card">
          <div className="auth-logo">
            <Logo />
          </div>
          <PageHeading title={title} />
          {username ? (
            <p className="auth-username">
              <span className="visually-hidden">{t("common.username")}: </span>
              {username}
            </p>
          ) : null}
          {children}
          {footer ? (
            <nav className="auth-links" aria-label={t("common.moreOptions")}>
              {footer}
            </nav>
          ) : null}
        </div>
        {__WITH_MOCK__ ? (
          <p className="dev-link">
            <Link to={paths.devInbox}>{t("common.devInbox")}</Link>
          </p>
        ) : null}
      </main>
    </>
  );
}
