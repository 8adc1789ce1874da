import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { ApiError } from "@/api/client";
import { useDeferredQuery } from "@/api/use-deferred-query";
import type { SetUpMethod } from "@/api/contracts/account";
import type { Me } from "@/api/contracts/me";
import { AuthCard } from "@/components/ui/AuthCard";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { DashboardLayout } from "@/components/layouts/DashboardLayout";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { Loading } from "@/components/ui/Loading";
import { PageHeading } from "@/components/ui/PageHeading";
import { RequireSession } from "@/components/layouts/RequireSession";
import { StepUp, StepUpLoading } from "@/components/verification/StepUp";
import { useVerifiedChange } from "@/components/verification/use-verified-change";
import { paths } from "@/config/paths";
import {
  accountQueryOptions,
  useRemoveMethod,
  useRemoveMobilePass,
  useRemoveSecurityQuestion,
  useResetPassword,
} from "../api/account";
import { DisplayLanguage } from "../components/DisplayLanguage";
import { MobilePassToken } from "../components/MobilePassToken";
import { PersonalInformation } from "../components/PersonalInformation";
import { ResetPasswordForm } from "../components/ResetPasswordForm";
import { SecurityMethods, type MethodChange } from "../components/SecurityMethods";
import { TimedMessage } from "../components/TimedMessage";

const SET_UP_PATH: Record<SetUpMethod, string> = {
  okta_verify: paths.enrollOktaVerify,
  google_authenticator: paths.enrollGoogleAuthenticator,
  phone: paths.enrollPhone,
  security_question: paths.enrollSecurityQuestion,
  recovery_codes: paths.enrollRecoveryCodes,
  passkey: paths.enrollPasskey,
};

/** The Account page (guide Section 2): opened after "Verify it's you with a security method". */
export function SettingsPage() {
  // Opened from its address or the user menu, Settings asks "Verify it's you" first: that is its
  // first screen until the account answers (decision 033).
  return (
    <RequireSession whileLoading={<StepUpLoading />}>{(me) => <Settings me={me} />}</RequireSession>
  );
}

function Settings({ me }: { me: Me }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  // Whichever screen the answer brings ("Verify it's you" or the page) mounts in short tasks.
  const account = useDeferredQuery({ ...accountQueryOptions(), retry: false });
  const setUp = (location.state as { setUp?: string } | null)?.setUp;
  const [message, setMessage] = useState<string | null>(
    setUp ? t("enroll.setUpDone", { method: setUp }) : null,
  );
  const clearMessage = useCallback(() => setMessage(null), []);
  const removeMethod = useRemoveMethod();
  const removeQuestion = useRemoveSecurityQuestion();
  const removeMobilePass = useRemoveMobilePass();
  const resetPassword = useResetPassword();
  const failed = removeMethod.error ?? removeQuestion.error ?? removeMobilePass.error;

  const flash = (text: string) => {
    setMessage(text);
    // The flash from a set-up is shown once; a reload must not bring it back.
    void navigate(paths.settings, { replace: true, state: null });
  };

  // A reset or removal is confirmed, then verified (password and method), then done; a set-up is
  // verified the same way before its screens. The verification serves that one change only.
  const change = useVerifiedChange(({ target, name }: MethodChange, end) => {
    // The new password is typed on the change's own screen, below.
    if (target.kind === "resetPassword") return;
    if (target.kind === "setUp") return void navigate(SET_UP_PATH[target.method]);
    const settle = (done: string) => ({
      onSuccess: () => {
        end();
        flash(done);
      },
      onError: end,
    });
    if (target.kind === "removeMobilePass")
      removeMobilePass.mutate(undefined, settle(t("account.mobilePass.removed", { serial: name })));
    else if (target.kind === "removeMethod")
      removeMethod.mutate(target.methodId, settle(t("account.removed", { method: name })));
    else removeQuestion.mutate(undefined, settle(t("account.removed", { method: name })));
  });
  const { end } = change;
  const start = (next: MethodChange, begin: (next: MethodChange) => void) => {
    removeMethod.reset();
    removeQuestion.reset();
    removeMobilePass.reset();
    begin(next);
  };

  if (account.isPending) return <StepUpLoading />;
  const needsStepUp =
    account.error instanceof ApiError && account.error.code === "STEP_UP_REQUIRED";
  if (needsStepUp)
    return (
      <StepUp
        purpose="view"
        onVerified={() => void account.refetch()}
        // Not verifying is not opening Settings: back to My Apps, where the user menu is.
        onCancel={() => void navigate(paths.home)}
      />
    );
  if (change.stage === "verify" && change.change) {
    return <StepUp purpose={change.change.target} onVerified={change.verified} onCancel={end} />;
  }
  if (change.stage === "change") {
    if (change.change?.target.kind !== "resetPassword" || !account.data) return <Loading />;
    const { login, firstName, lastName } = account.data;
    return (
      <AuthCard
        title={t("account.resetPassword.title")}
        username={login}
        footer={
          <button type="button" className="link-button" onClick={end}>
            {t("common.cancel")}
          </button>
        }
      >
        <ResetPasswordForm
          owner={{ login, firstName, lastName }}
          onDone={() => {
            end();
            flash(t("account.resetPassword.done"));
          }}
          mutation={resetPassword}
        />
      </AuthCard>
    );
  }

  const asked = change.stage === "confirm" ? change.change : null;
  return (
    <DashboardLayout me={me}>
      <PageHeading title={t("account.title")} />
      {message ? <TimedMessage text={message} onDone={clearMessage} /> : null}
      <ErrorAlert error={failed} />
      {account.isError ? (
        <ErrorAlert error={account.error} />
      ) : (
        <>
          <PersonalInformation account={account.data} />
          <DisplayLanguage account={account.data} />
          <SecurityMethods
            account={account.data}
            ask={(next) => start(next, change.ask)}
            verify={(next) => start(next, change.verify)}
            onRenamed={() => setMessage(t("account.passkey.renamed"))}
          />
          <MobilePassToken
            busy={removeMobilePass.isPending}
            // Asked on its own card; then verified for this removal, as a method's removal is.
            onRemove={(serial) =>
              start({ target: { kind: "removeMobilePass" }, name: serial }, change.verify)
            }
          />
        </>
      )}
      {asked ? (
        <ConfirmDialog
          title={t(
            asked.target.kind === "resetPassword"
              ? "account.confirmResetTitle"
              : "account.confirmRemoveTitle",
            { method: asked.name },
          )}
          question={t(
            asked.target.kind === "resetPassword"
              ? "account.confirmReset"
              : "account.confirmRemove",
            { method: asked.name },
          )}
          onYes={change.confirmed}
          onNo={end}
        />
      ) : null}
    </DashboardLayout>
  );
}
