import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import type { Me } from "@/api/contracts/me";
import { Alert } from "@/components/Alert";
import { EnvironmentBanner } from "@/components/EnvironmentBanner";
import { Logo } from "@/components/Logo";
import { PageHeading } from "@/components/PageHeading";
import { RequireSession } from "@/components/RequireSession";
import { UserMenu } from "@/components/UserMenu";
import { paths } from "@/config/paths";
import { TraqsUsernameForm } from "./TraqsUsernameForm";

/** The TRAQS website, entered with the chosen TRAQS username (shown, and switched, at the top right). */
export function TraqsPage() {
  return (
    <RequireSession>
      {(me) =>
        me.traqsUsername ? (
          <Traqs me={me} username={me.traqsUsername} />
        ) : (
          <Navigate to={paths.traqsSelectUsername} replace />
        )
      }
    </RequireSession>
  );
}

function Traqs({ me, username }: { me: Me; username: string }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const canSwitch = me.traqsUsernames.length > 1;

  return (
    <>
      <EnvironmentBanner />
      <header className="masthead traqs-masthead">
        <Link to={paths.home} className="masthead-logo" aria-label={t("home.logoLink")}>
          <Logo />
        </Link>
        <span className="masthead-product">TRAQS</span>
        <div className="masthead-right">
          {canSwitch ? (
            <button
              type="button"
              className="link-button traqs-username"
              aria-label={t("traqs.switchLabel", { username })}
              aria-haspopup="dialog"
              onClick={() => dialog.current?.showModal()}
            >
              {username}
            </button>
          ) : (
            <span className="traqs-username">{username}</span>
          )}
          <UserMenu me={me} />
        </div>
      </header>
      <main className="page">
        <PageHeading title={t("traqs.title")} />
        <Alert tone="info">{t("traqs.usingCredentials", { username })}</Alert>
        <p>
          <Link to={paths.home}>{t("traqs.backToDashboard")}</Link>
        </p>
      </main>
      {canSwitch ? (
        <dialog ref={dialog} className="dialog" aria-labelledby="switch-username-title">
          <h2 id="switch-username-title">{t("traqs.switchTitle")}</h2>
          <TraqsUsernameForm key={username} me={me} onSelected={() => dialog.current?.close()} />
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t("common.cancel")}
          </button>
        </dialog>
      ) : null}
    </>
  );
}
