import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useParams } from "react-router";
import { AuthCard } from "@/components/ui/AuthCard";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { paths } from "@/config/paths";
import { useOpenRecoveryLink } from "../api";

/** The emailed unlock or reset link: the recovery goes on in this browser; the token leaves the URL. */
export function RecoveryLinkPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const open = useOpenRecoveryLink();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    open.mutate({ token });
  }, [open, token]);

  if (open.isSuccess) return <Navigate to={paths.recovery} replace />;
  return (
    <AuthCard
      title={t("recovery.verifyEmailTitle")}
      footer={<Link to={paths.signIn}>{t("signIn.backToSignIn")}</Link>}
    >
      {open.isError ? (
        <ErrorAlert error={open.error} />
      ) : (
        <p role="status">{t("common.working")}</p>
      )}
    </AuthCard>
  );
}
