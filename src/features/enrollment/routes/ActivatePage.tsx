import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useParams } from "react-router";
import { ApiError } from "@/api/client";
import { AuthCard } from "@/components/ui/AuthCard";
import { BackToSignIn } from "@/components/ui/BackToSignIn";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { paths } from "@/config/paths";
import { useActivate } from "../api/enrollment";

/**
 * The invitation email's "Activate Okta Account" link. It works once, within 30 days; then the
 * token leaves the address bar (the set-up goes on at /enroll).
 */
export function ActivatePage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const activate = useActivate();
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    activate.mutate(token);
  }, [activate, token]);

  if (activate.isSuccess) return <Navigate to={paths.enroll} replace />;
  const linkProblem =
    activate.error instanceof ApiError &&
    ["ACTIVATION_INVALID", "ACTIVATION_EXPIRED", "ACTIVATION_USED"].includes(activate.error.code);

  return (
    <AuthCard title={t("enroll.activateTitle")} footer={<BackToSignIn />}>
      {activate.isPending || activate.isIdle ? <p role="status">{t("enroll.activating")}</p> : null}
      <ErrorAlert error={activate.error} />
      {linkProblem ? <p>{t("enroll.activationHelp")}</p> : null}
      {activate.isError && !linkProblem ? (
        <button type="button" className="button" onClick={() => activate.mutate(token)}>
          {t("common.tryAgain")}
        </button>
      ) : null}
    </AuthCard>
  );
}
