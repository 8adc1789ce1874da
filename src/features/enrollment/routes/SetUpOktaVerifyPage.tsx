import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { EnrollmentState } from "@/api/contracts/enrollment";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { enrollmentQueryOptions, oktaVerifyQueryOptions } from "../api/enrollment";
import { EnrollCard, useSetUpDone } from "../components/EnrollCard";
import { EnrollmentGate } from "../components/EnrollmentGate";
import { QrSetup } from "../components/QrSetup";

const POLL_INTERVAL_MS = 2000;

/** "Set up Okta Verify": scan the QR code in the app; the set-up ends when the app confirms. */
export function SetUpOktaVerifyPage() {
  return <EnrollmentGate>{(state) => <SetUpOktaVerify state={state} />}</EnrollmentGate>;
}

function SetUpOktaVerify({ state }: { state: EnrollmentState }) {
  const { t } = useTranslation();
  const setUpDone = useSetUpDone(state);
  const queryClient = useQueryClient();
  const enrollment = useQuery({
    ...oktaVerifyQueryOptions(),
    refetchInterval: (query) =>
      query.state.data?.status === "confirmed" ? false : POLL_INTERVAL_MS,
  });
  const confirmed = enrollment.data?.status === "confirmed";

  useEffect(() => {
    if (!confirmed) return;
    void queryClient
      // exact: the Okta Verify query shares the key's prefix and must not start another set-up.
      .invalidateQueries({ queryKey: enrollmentQueryOptions().queryKey, exact: true })
      .then(() => setUpDone(t("methods.oktaVerify")));
  }, [confirmed, setUpDone, queryClient, t]);

  return (
    <EnrollCard title={t("enroll.okta.title")} state={state}>
      <ol className="steps">
        <li>{t("enroll.okta.step1")}</li>
        <li>{t("enroll.okta.step2")}</li>
        <li>{t("enroll.okta.step3")}</li>
      </ol>
      <ErrorAlert error={enrollment.error} />
      {enrollment.data ? (
        <>
          <QrSetup
            value={enrollment.data.qrUri}
            qrLabel={t("enroll.okta.qrLabel")}
            setupKey={enrollment.data.setupKey}
            keyHint={t("enroll.okta.keyHint")}
          >
            <p role="status">{confirmed ? t("enroll.okta.confirmed") : t("enroll.okta.waiting")}</p>
          </QrSetup>
        </>
      ) : enrollment.isPending ? (
        <p role="status">{t("common.loading")}</p>
      ) : null}
      <p className="notice">{t("enroll.okta.iphoneNote")}</p>
    </EnrollCard>
  );
}
