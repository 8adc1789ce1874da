import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Loading } from "@/components/ui/Loading";
import { Link, Navigate } from "react-router";
import { RecoveryAnswerRequest, type RecoveryState } from "@/api/contracts/recovery";
import { AuthCard } from "@/components/ui/AuthCard";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { NewPasswordForm } from "@/components/ui/NewPasswordForm";
import { OneTimeCodeForm } from "@/components/ui/OneTimeCodeForm";
import { ResendLine } from "@/components/ui/ResendLine";
import { TextField } from "@/components/ui/TextField";
import { paths } from "@/config/paths";
import {
  recoveryQueryOptions,
  useAnswerQuestion,
  useRecoveryPassword,
  useSendRecoveryEmail,
  useVerifyRecoveryCode,
} from "../api";

/**
 * The recovery after the username: "Get a verification email", "Verify with your email" (link or
 * code), "Verify with your Security Question", and for a reset the new password. Then sign-in
 * takes over: an unlock asks for the password, a reset for a security method.
 */
export function RecoveryPage() {
  const { t } = useTranslation();
  const recovery = useQuery(recoveryQueryOptions());
  const back = <Link to={paths.signIn}>{t("signIn.backToSignIn")}</Link>;
  if (recovery.isPending) {
    return <Loading />;
  }
  if (recovery.isError) {
    return (
      <AuthCard title={t("recovery.endedTitle")} footer={back}>
        <ErrorAlert error={recovery.error} />
      </AuthCard>
    );
  }
  const state = recovery.data;
  switch (state.stage) {
    case "SEND":
      return <SendEmail state={state} back={back} />;
    case "SENT":
      return <VerifyEmail state={state} back={back} />;
    case "QUESTION":
      return <SecurityQuestion state={state} back={back} />;
    case "NEW_PASSWORD":
      return <NewPassword state={state} back={back} />;
    case "DONE":
      return (
        <Navigate
          to={state.kind === "unlock" ? paths.signInPassword : paths.signInVerify}
          replace
        />
      );
  }
}

type StepProps = { state: RecoveryState; back: React.ReactNode };

function SendEmail({ state, back }: StepProps) {
  const { t } = useTranslation();
  const send = useSendRecoveryEmail();
  return (
    <AuthCard title={t("recovery.getEmailTitle")} username={state.username} footer={back}>
      <p>{t("recovery.getEmailText")}</p>
      <ErrorAlert error={send.error} />
      <button
        type="button"
        className="button primary"
        disabled={send.isPending}
        onClick={() => send.mutate({})}
      >
        {send.isPending ? t("common.working") : t("recovery.sendEmail")}
      </button>
    </AuthCard>
  );
}

function VerifyEmail({ state, back }: StepProps) {
  const { t } = useTranslation();
  const send = useSendRecoveryEmail();
  const verify = useVerifyRecoveryCode();
  const [withCode, setWithCode] = useState(false);
  const wait =
    state.sentAt && state.resendAt
      ? (Date.parse(state.resendAt) - Date.parse(state.sentAt)) / 1000
      : 0;
  return (
    <AuthCard title={t("recovery.verifyEmailTitle")} username={state.username} footer={back}>
      <ResendLine
        key={state.sentAt}
        text={t("recovery.notReceived")}
        action={t("phone.sendAgain")}
        waitSeconds={wait}
        pending={send.isPending}
        onResend={() => send.mutate({})}
      />
      <ErrorAlert error={send.error} />
      <p role="status">{t("recovery.sentText")}</p>
      {withCode ? (
        <OneTimeCodeForm
          label={t("phone.enterCode")}
          pending={verify.isPending}
          error={verify.error}
          submit={(code) => verify.mutateAsync({ code })}
        />
      ) : (
        <button type="button" className="link-button" onClick={() => setWithCode(true)}>
          {t("recovery.enterCodeInstead")}
        </button>
      )}
    </AuthCard>
  );
}

function SecurityQuestion({ state, back }: StepProps) {
  const { t } = useTranslation();
  const answer = useAnswerQuestion();
  const form = useForm<RecoveryAnswerRequest>({
    resolver: zodResolver(RecoveryAnswerRequest),
    defaultValues: { answer: "" },
  });
  return (
    <AuthCard title={t("recovery.questionTitle")} footer={back}>
      <form noValidate onSubmit={form.handleSubmit((values) => answer.mutate(values))}>
        <ErrorAlert error={answer.error} />
        <TextField
          label={state.question ?? t("recovery.questionFallback")}
          type="password"
          revealable
          autoComplete="off"
          error={form.formState.errors.answer?.message}
          {...form.register("answer")}
        />
        <button type="submit" className="button primary" disabled={answer.isPending}>
          {answer.isPending ? t("common.working") : t("common.verify")}
        </button>
      </form>
    </AuthCard>
  );
}

function NewPassword({ state, back }: StepProps) {
  const { t } = useTranslation();
  const save = useRecoveryPassword();
  return (
    <AuthCard title={t("recovery.resetTitle")} username={state.username} footer={back}>
      <NewPasswordForm
        owner={{
          login: state.username,
          firstName: state.firstName ?? "",
          lastName: state.lastName ?? "",
        }}
        pending={save.isPending}
        error={save.error}
        submitLabel={t("account.resetPassword.submit")}
        submit={(password) => save.mutateAsync({ password })}
      />
    </AuthCard>
  );
}
