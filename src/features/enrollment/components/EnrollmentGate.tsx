import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "@/components/ui/Loading";
import { Navigate } from "react-router";
import { ApiError } from "@/api/client";
import { useDeferredQuery } from "@/api/use-deferred-query";
import type { EnrollmentState } from "@/api/contracts/enrollment";
import { AuthCard } from "@/components/ui/AuthCard";
import { BackToSignIn } from "@/components/ui/BackToSignIn";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { paths } from "@/config/paths";
import { enrollmentQueryOptions } from "../api/enrollment";

/**
 * Set-up screens need a set-up in progress (from the activation link, or a password alone). Until
 * it is known (and in the build's prerender) the screen shows `whileLoading`: its own frame with
 * what it says to everyone (`AuthCardLoading`), or "Loading…".
 */
export function EnrollmentGate({
  whileLoading = <Loading />,
  children,
}: {
  whileLoading?: ReactNode;
  children: (state: EnrollmentState) => ReactNode;
}) {
  const { t } = useTranslation();
  const enrollment = useDeferredQuery(enrollmentQueryOptions());
  if (enrollment.isPending) {
    return whileLoading;
  }
  if (enrollment.isError) {
    // From Settings, after its verification ran out: Settings asks for it again.
    if (enrollment.error instanceof ApiError && enrollment.error.code === "STEP_UP_REQUIRED") {
      return <Navigate to={paths.settings} replace />;
    }
    const ended = enrollment.error instanceof ApiError && enrollment.error.status === 401;
    return (
      <AuthCard title={t("enroll.title")} footer={<BackToSignIn />}>
        {ended ? <p>{t("enroll.noneInProgress")}</p> : <ErrorAlert error={enrollment.error} />}
        {ended ? null : (
          <button type="button" className="button" onClick={() => void enrollment.refetch()}>
            {t("common.tryAgain")}
          </button>
        )}
      </AuthCard>
    );
  }
  return children(enrollment.data);
}
