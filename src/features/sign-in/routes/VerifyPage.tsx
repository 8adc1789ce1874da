import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { AuthnState } from "@/api/contracts/authn";
import { Alert } from "@/components/ui/Alert";
import { AuthCard } from "@/components/ui/AuthCard";
import { BackToSignIn } from "@/components/ui/BackToSignIn";
import { chosenOption, factorOptions } from "@/components/verification/factor-options";
import { FactorStep, factorTitle } from "@/components/verification/FactorStep";
import { RECOVERY_CODE, RecoveryCodeStep } from "@/components/verification/RecoveryCodeStep";
import { paths, withFrom } from "@/config/paths";
import { AuthnGate, stepPath, useReturnPath } from "../components/AuthnGate";
import { EmailCodeStep } from "../components/EmailCodeStep";

/**
 * The second factor: the last used method by default (guide Section 3, step 4), or the one chosen
 * under "Verify with something else".
 */
export function VerifyPage() {
  return <AuthnGate serves={["FACTOR"]}>{(state) => <VerifyWithMethod state={state} />}</AuthnGate>;
}

function VerifyWithMethod({ state }: { state: AuthnState }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const from = useReturnPath();
  const onVerified = (next: AuthnState) => void navigate(stepPath(next.status, from));
  if (state.emailCode)
    return (
      <AuthCard
        title={t("recovery.verifyEmailTitle")}
        username={state.username}
        footer={<BackToSignIn />}
      >
        <EmailCodeStep emailCode={state.emailCode} onVerified={onVerified} />
      </AuthCard>
    );
  const byRecoveryCode =
    params.get("method") === RECOVERY_CODE && (state.recoveryCodesLeft ?? 0) > 0;
  const option = chosenOption(
    factorOptions(t, state.factors),
    state,
    params.get("method"),
    params.get("mode"),
  );
  if (!option) return null;

  return (
    <AuthCard
      title={byRecoveryCode ? t("recoveryCodes.verifyTitle") : factorTitle(t, option)}
      username={state.username}
      footer={
        <>
          <Link to={withFrom(paths.signInVerifySelect, from)}>
            {t("signIn.verify.somethingElse")}
          </Link>
          <BackToSignIn />
        </>
      }
    >
      {state.notice === "passwordReset" ? (
        <Alert tone="success">{t("signIn.passwordResetNotice")}</Alert>
      ) : null}
      {byRecoveryCode ? (
        <RecoveryCodeStep onVerified={onVerified} />
      ) : (
        <FactorStep state={state} option={option} onVerified={onVerified} />
      )}
    </AuthCard>
  );
}
