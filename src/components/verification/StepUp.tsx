import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { Loading } from "../ui/Loading";
import type { StepUpFor } from "@/api/contracts/account";
import { AuthCard } from "../ui/AuthCard";
import { ErrorAlert } from "../ui/ErrorAlert";
import {
  STEP_UP_VERIFICATION,
  useStartStepUp,
  verificationQueryOptions,
  VerificationContext,
} from "./api";
import { chosenOption, factorOptions, optionKey } from "./factor-options";
import { FactorStep, factorTitle } from "./FactorStep";
import { MethodChooser } from "./MethodChooser";
import { PasswordStep } from "./PasswordStep";
import { RECOVERY_CODE, RecoveryCodeStep } from "./RecoveryCodeStep";

/**
 * "Verify it's you with a security method" inside the session (guide Section 2): to open Settings,
 * one chosen from the list of the user's methods and the password; to Get Token, a method (the
 * last used first); before a reset or removal, the password and then a method. The same screens
 * as sign-in.
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

/**
 * "Verify it's you" until its first screen is known: its frame and title, "Loading…" below. It is
 * also how Settings, which opens with it, shows before then (and in its prerender, decision 033).
 */
export function StepUpLoading() {
  const { t } = useTranslation();
  return (
    <AuthCard title={t("account.verify.title")}>
      <Loading />
    </AuthCard>
  );
}

/**
 * Which screen of the verification is shown: the list ("Select from the following options"), the
 * password, or a method (its option key). Each choice is a history entry of this page, so the
 * browser's Back returns to the list instead of leaving the page; `flow` ignores the entries of an
 * earlier verification.
 */
type StepUpScreen = { flow: string; screen: string };
const LIST = "list";
const PASSWORD = "password";
const RECOVERY = "recovery-code";

function useStepUpScreen(): [string | undefined, (screen: string) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const [flow] = useState(() => Math.random().toString(36).slice(2));
  const entry = (location.state as { stepUp?: StepUpScreen } | null)?.stepUp;
  const show = (screen: string) =>
    void navigate(
      { pathname: location.pathname, search: location.search, hash: location.hash },
      { state: { ...(location.state as object | null), stepUp: { flow, screen } } },
    );
  return [entry?.flow === flow ? entry.screen : undefined, show];
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
  const [shown, show] = useStepUpScreen();

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
  const somethingElse = (
    <button type="button" className="link-button" onClick={() => show(LIST)}>
      {t("signIn.verify.somethingElse")}
    </button>
  );

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
    return <StepUpLoading />;
  }
  if (current.status === "PASSWORD") {
    return (
      <AuthCard title={t("signIn.password.title")} username={current.username} footer={cancel}>
        <PasswordStep username={current.username} onVerified={() => undefined} />
      </AuthCard>
    );
  }
  const passwordAccepted = current.passwordAccepted === true;
  if (passwordAccepted && shown === PASSWORD) {
    return (
      <AuthCard
        title={t("signIn.password.title")}
        username={current.username}
        footer={
          <>
            {somethingElse}
            {cancel}
          </>
        }
      >
        <PasswordStep username={current.username} onVerified={() => undefined} />
      </AuthCard>
    );
  }
  const options = factorOptions(t, current.factors);
  // Opening Settings starts on the list, as the guide shows it; otherwise the last used method.
  const option =
    shown === RECOVERY
      ? RECOVERY_CODE
      : shown === undefined
        ? passwordAccepted
          ? undefined
          : chosenOption(options, current, null, null)
        : options.find((o) => optionKey(o) === shown);
  if (!option) {
    return (
      <AuthCard title={t("account.verify.title")} username={current.username} footer={cancel}>
        <MethodChooser
          state={current}
          onChoose={(next) => show(optionKey(next))}
          onChoosePassword={passwordAccepted ? () => show(PASSWORD) : undefined}
          onRecoveryCode={() => show(RECOVERY)}
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
          {somethingElse}
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
