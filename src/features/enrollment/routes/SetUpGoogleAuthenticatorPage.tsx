import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { EnrollmentState } from "@/api/contracts/enrollment";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { OneTimeCodeForm } from "@/components/ui/OneTimeCodeForm";
import { paths } from "@/config/paths";
import { googleAuthenticatorQueryOptions, useVerifyGoogleAuthenticator } from "../api/enrollment";
import { EnrollCard, useSetUpDone } from "../components/EnrollCard";
import { EnrollmentGate } from "../components/EnrollmentGate";
import { QrSetup } from "../components/QrSetup";

/** "Set up Google Authenticator", Scan barcode (guide: Setting up Google Authenticator, steps 3-5). */
export function SetUpGoogleAuthenticatorPage() {
  return <EnrollmentGate>{(state) => <ScanBarcode state={state} />}</EnrollmentGate>;
}

function ScanBarcode({ state }: { state: EnrollmentState }) {
  const { t } = useTranslation();
  const enrollment = useQuery(googleAuthenticatorQueryOptions());

  return (
    <EnrollCard title={t("enroll.google.title")} state={state}>
      <h2 className="section-title">{t("enroll.google.scan")}</h2>
      <p>{t("enroll.google.scanHint")}</p>
      <ErrorAlert error={enrollment.error} />
      {enrollment.data ? (
        <>
          <QrSetup
            value={enrollment.data.uri}
            qrLabel={t("enroll.google.qrLabel")}
            setupKey={enrollment.data.key}
            keyHint={t("enroll.google.keyHint")}
          >
            <p>
              <a href={enrollment.data.uri}>{t("enroll.google.openInApp")}</a>
            </p>
          </QrSetup>
          <Link className="button primary" to={paths.enrollGoogleAuthenticatorVerify}>
            {t("signIn.next")}
          </Link>
        </>
      ) : enrollment.isPending ? (
        <p role="status">{t("common.loading")}</p>
      ) : null}
    </EnrollCard>
  );
}

/** "Enter code displayed from application" (guide step 6). */
export function VerifyGoogleAuthenticatorPage() {
  return <EnrollmentGate>{(state) => <EnterCode state={state} />}</EnrollmentGate>;
}

function EnterCode({ state }: { state: EnrollmentState }) {
  const { t } = useTranslation();
  const setUpDone = useSetUpDone(state);
  const verify = useVerifyGoogleAuthenticator();
  return (
    <EnrollCard title={t("enroll.google.title")} state={state}>
      <p>{t("enroll.google.enterCodeHint")}</p>
      <OneTimeCodeForm
        label={t("common.enterCode")}
        pending={verify.isPending}
        error={verify.error}
        submit={async (code) => {
          await verify.mutateAsync({ code });
          await setUpDone(t("methods.googleAuthenticator"));
        }}
      />
      <p>
        <Link to={paths.enrollGoogleAuthenticator}>{t("enroll.google.backToBarcode")}</Link>
      </p>
    </EnrollCard>
  );
}
