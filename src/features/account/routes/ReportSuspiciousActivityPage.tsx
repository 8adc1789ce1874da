import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { AuthCard } from "@/components/ui/AuthCard";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { useReportSuspiciousActivity } from "../api/account";

/**
 * The "Report Suspicious Activity" link of a notification email: the report is recorded, once; the
 * link opened again says it was already reported.
 */
export function ReportSuspiciousActivityPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const report = useReportSuspiciousActivity();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    report.mutate(token);
  }, [report, token]);

  return (
    <AuthCard title={t("report.title")}>
      {report.isPending || report.isIdle ? <p role="status">{t("common.working")}</p> : null}
      <ErrorAlert error={report.error} />
      {report.isSuccess ? (
        <p role="status">
          {report.data.status === "RECORDED" ? t("report.recorded") : t("report.alreadyReported")}
        </p>
      ) : null}
      <p>{t("report.contact")}</p>
    </AuthCard>
  );
}
