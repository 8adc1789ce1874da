import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../ui/Loading";
import { Navigate, useLocation } from "react-router";
import { ApiError } from "@/api/client";
import { useDeferredQuery } from "@/api/use-deferred-query";
import type { Me } from "@/api/contracts/me";
import { meQueryOptions } from "@/api/me";
import { paths, withFrom } from "@/config/paths";
import { setLanguage } from "@/i18n";
import { ErrorAlert } from "../ui/ErrorAlert";

/**
 * Signed-in screens: without a session, off to sign in, and back here afterwards. Until the user
 * is known it shows `whileLoading`: the page's frame and heading with "Loading…" where its data
 * goes, which is also what the build prerenders (decision 030).
 */
export function RequireSession({
  children,
  whileLoading = <Loading />,
}: {
  children: (me: Me) => ReactNode;
  whileLoading?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  // The signed-in page mounts in short tasks once the user is known.
  const me = useDeferredQuery(meQueryOptions());
  const language = me.data?.language;
  // The display language chosen in Settings applies everywhere once the user is known.
  useEffect(() => {
    if (language && language !== i18n.language) void setLanguage(language);
  }, [language, i18n.language]);
  if (me.isPending) return whileLoading;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      return <Navigate to={withFrom(paths.signIn, location.pathname + location.search)} replace />;
    }
    return (
      <main className="page">
        <ErrorAlert error={me.error} />
        <button type="button" className="button" onClick={() => void me.refetch()}>
          {t("common.tryAgain")}
        </button>
      </main>
    );
  }
  return children(me.data);
}
