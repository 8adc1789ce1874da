import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { EnrollmentState } from "@/api/contracts/enrollment";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { useGenerateRecoveryCodes } from "../api/enrollment";
import { EnrollCard, listPath } from "../components/EnrollCard";
import { EnrollmentGate } from "../components/EnrollmentGate";
import { RecoveryCodes } from "../components/RecoveryCodes";

/**
 * "Recovery codes": a new set is made as the screen opens (at the end of activation, or from
 * Settings after the change verification made for it) and shown this once.
 */
export function SetUpRecoveryCodesPage() {
  return <EnrollmentGate>{(state) => <SetUpRecoveryCodes state={state} />}</EnrollmentGate>;
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
