import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useParams } from "react-router";
import { NASDAQ_APPLICATION_NAMES } from "@/api/contracts/nasdaq";
import { Alert } from "@/components/ui/Alert";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { EnvironmentBanner } from "@/components/ui/EnvironmentBanner";
import { Loading } from "@/components/ui/Loading";
import { PageHeading } from "@/components/ui/PageHeading";
import { nasdaqSessionQueryOptions, useNasdaqSignOut } from "../api";
import { applicationOf, loginPath } from "../application";

/**
 * A Nasdaq application's page after the Two-Factor Authentication window (the applications
 * themselves are not part of this product): who is logged in, and Sign out. Without a Nasdaq
 * session, the window; the Okta dashboard's session does not count.
 */
export function NasdaqApplicationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const application = applicationOf(useParams().application);
  const session = useQuery(nasdaqSessionQueryOptions());
  const signOut = useNasdaqSignOut();
  if (!application)
    return (
      <main className="page">
        <Alert tone="error">{t("nasdaq.app.unknown")}</Alert>
      </main>
    );
  if (session.isPending) return <Loading />;
  if (session.isError)
    return (
      <main className="page">
        <ErrorAlert error={session.error} />
      </main>
    );
  const user = session.data.session;
  if (!user) return <Navigate to={loginPath(application)} replace />;
  const name = NASDAQ_APPLICATION_NAMES[application];
  return (
    <>
      <EnvironmentBanner />
      <main className="page nasdaq-app">
        <PageHeading title={name} />
        <p>{t("nasdaq.app.signedInAs", { name: `${user.firstName} ${user.lastName}` })}</p>
        {user.applications.includes(application) ? (
          <p>{t("nasdaq.app.intro", { application: name })}</p>
        ) : (
          <Alert tone="error">{t("nasdaq.app.notEntitled", { application: name })}</Alert>
        )}
        <ErrorAlert error={signOut.error} />
        <button
          type="button"
          className="button"
          disabled={signOut.isPending}
          onClick={() =>
            signOut.mutate(undefined, {
              onSuccess: () => void navigate(loginPath(application), { replace: true }),
            })
          }
        >
          {t("nasdaq.app.signOut")}
        </button>
      </main>
    </>
  );
}
