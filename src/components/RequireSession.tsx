import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "./Loading";
import { Navigate, useLocation } from "react-router";
import { ApiError } from "@/api/client";
import type { Me } from "@/api/contracts/me";
import { meQueryOptions } from "@/api/me";
import { paths, withFrom } from "@/config/paths";
import { setLanguage } from "@/i18n";
import { ErrorAlert } from "./ErrorAlert";

/** Signed-in screens: without a session, off to sign in, and back here afterwards. */
export function RequireSession({ children }: { children: (me: Me) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const me = useQuery(meQueryOptions());
  // The signed-in page mounts in a deferred render, which React splits into short tasks: the
  // store update that brings `me` would otherwise render the whole page in one long blocking task.
  const user = useDeferredValue(me.data);
  const language = me.data?.language;
  // The display language chosen in Settings applies everywhere once the user is known.
  useEffect(() => {
    if (language && language !== i18n.language) void setLanguage(language);
  }, [language, i18n.language]);
  if (me.isPending || (me.isSuccess && !user)) {
    return <Loading />;
  }
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
  return children(user ?? me.data);
}
