import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../Loading";
import type { StepUpFor } from "@/api/contracts/account";
import { AuthCard } from "../AuthCard";
import { ErrorAlert } from "../ErrorAlert";
import {
  STEP_UP_VERIFICATION,
  useStartStepUp,
  verificationQueryOptions,
  VerificationContext,
} from "./api";
import { chosenOption, factorOptions, type FactorOption } from "./factor-options";
import { FactorStep, factorTitle } from "./FactorStep";
import { MethodChooser } from "./MethodChooser";
import { PasswordStep } from "./PasswordStep";
import { RECOVERY_CODE, RecoveryCodeStep } from "./RecoveryCodeStep";

/**
 * "Verify it's you with a security method" inside the session (guide Section 2): a method to open
 * Settings or to Get Token; the password and then a method before a reset or removal. The same
 * screens as sign-in.
 */
export function StepUp(props: {
  purpose: StepUpFor;
  onVerified: () => void;
  onCancel?: () => void;
}) {
  return (
    <VerificationContext.Provider value={STEP_UP_VERIFICATION}>
      <StepUpFlow {...props} />
    </VerificationContext.Provider>
  );
}

function StepUpFlow({
  purpose,
  onVerified,
  onCancel,
}: {
  purpose: StepUpFor;
  onVerified: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const start = useStartStepUp();
  const started = useRef(false);
  const state = useQuery({
    ...verificationQueryOptions(STEP_UP_VERIFICATION),
    enabled: start.isSuccess,
  });
  const [choosing, setChoosing] = useState(false);
  const [chosen, setChosen] = useState<FactorOption | typeof RECOVERY_CODE | null>(null);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start.mutate(purpose);
  }, [start, purpose]);

  // The method's screen mounts in short tasks, as with useDeferredQuery.
  const current = useDeferredValue(start.isSuccess ? state.data : undefined);
  const verified = useRef(false);
  useEffect(() => {
    // Once only: what follows the verification (a removal, say) must not run twice.
    if (current?.status !== "SUCCESS" || verified.current) return;
    verified.current = true;
    onVerified();
  }, [current?.status, onVerified]);

  const cancel = onCancel ? (
    <button type="button" className="link-button" onClick={onCancel}>
      {t("common.cancel")}
    </button>
  ) : null;

  if (start.isError || state.isError) {
    return (
      <AuthCard title={t("account.verify.title")} footer={cancel}>
        <ErrorAlert error={start.error ?? state.error} />
        <button type="button" className="button" onClick={() => start.mutate(purpose)}>
          {t("common.tryAgain")}
        </button>
      </AuthCard>
    );
  }
  if (!current || current.status === "SUCCESS") {
    return <Loading />;
  }
  if (current.status === "PASSWORD") {
    return (
      <AuthCard title={t("signIn.password.title")} username={current.username} footer={cancel}>
        <PasswordStep username={current.username} onVerified={() => undefined} />
      </AuthCard>
    );
  }
  const options = factorOptions(t, current.factors);
  const option = chosen ?? chosenOption(options, current, null, null);
  if (choosing || !option) {
    return (
      <AuthCard title={t("account.verify.title")} username={current.username} footer={cancel}>
        <MethodChooser
          state={current}
          onChoose={(next) => {
            setChosen(next);
            setChoosing(false);
          }}
          onRecoveryCode={() => {
            setChosen(RECOVERY_CODE);
            setChoosing(false);
          }}
        />
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={option === RECOVERY_CODE ? t("recoveryCodes.verifyTitle") : factorTitle(t, option)}
      username={current.username}
      footer={
        <>
          <button type="button" className="link-button" onClick={() => setChoosing(true)}>
            {t("signIn.verify.somethingElse")}
          </button>
          {cancel}
        </>
      }
    >
      {option === RECOVERY_CODE ? (
        <RecoveryCodeStep onVerified={() => undefined} />
      ) : (
        <FactorStep state={current} option={option} onVerified={() => undefined} />
      )}
    </AuthCard>
  );
}
