import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { EnrollmentState } from "@/api/contracts/enrollment";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { useGenerateRecoveryCodes } from "../api/enrollment";
import { EnrollCard, EnrollCardLoading, listPath } from "../components/EnrollCard";
import { EnrollmentGate } from "../components/EnrollmentGate";
import { RecoveryCodes } from "../components/RecoveryCodes";

/**
 * "Recovery codes": a new set is made as the screen opens (at the end of activation, or from
 * Settings after the change verification made for it) and shown this once.
 */
export function SetUpRecoveryCodesPage() {
  const { t } = useTranslation();
  return (
    <EnrollmentGate
      whileLoading={
        <EnrollCardLoading title={t("recoveryCodes.title")}>
          <p>{t("recoveryCodes.intro")}</p>
        </EnrollCardLoading>
      }
    >
      {(state) => <SetUpRecoveryCodes state={state} />}
    </EnrollmentGate>
  );
}

function SetUpRecoveryCodes({ state }: { state: EnrollmentState }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const generate = useGenerateRecoveryCodes();
  // Once only: a second request would void the set being shown.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    generate.mutate();
  }, [generate]);

  return (
    <EnrollCard title={t("recoveryCodes.title")} state={state}>
      {/* Above the codes, and shown while they are made, as in the page's first paint. */}
      <p>{t("recoveryCodes.intro")}</p>
      <ErrorAlert error={generate.error} />
      {generate.data ? (
        <RecoveryCodes
          codes={generate.data.codes}
          username={state.username}
          onDone={() => void navigate(listPath(state))}
        />
      ) : generate.isPending ? (
        <p role="status">{t("common.loading")}</p>
      ) : null}
    </EnrollCard>
  );
}
