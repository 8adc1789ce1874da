import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ApiError } from "@/api/client";
import type { AuthnState } from "@/api/contracts/authn";
import { RecoveryCodeRequest } from "@/api/contracts/recovery-codes";
import { Alert } from "../ui/Alert";
import { ErrorAlert } from "../ui/ErrorAlert";
import { TextField } from "../ui/TextField";
import { useApplyVerificationState, useVerificationStep } from "./api";

/** The choice "Recovery code" under "Verify with something else" (it is not a security method). */
export const RECOVERY_CODE = "recovery-code";

/**
 * "Verify with a recovery code": a code typed as shown, without dashes, or in any case. Once it is
 * accepted the user sees how many codes are left (and, with none, to set up a method again)
 * before going on: the answer is applied only then.
 */
export function RecoveryCodeStep({ onVerified }: { onVerified: (state: AuthnState) => void }) {
  const { t } = useTranslation();
  const step = useVerificationStep<RecoveryCodeRequest>("recovery-code", { hold: true });
  const apply = useApplyVerificationState();
  const [accepted, setAccepted] = useState<AuthnState | null>(null);
  const form = useForm<RecoveryCodeRequest>({
    resolver: zodResolver(RecoveryCodeRequest),
    defaultValues: { code: "" },
  });

  if (accepted) {
    const left = accepted.recoveryCodesLeft ?? 0;
    return (
      <>
        {left > 0 ? (
          <Alert tone="success">{t("recoveryCodes.accepted", { count: left })}</Alert>
        ) : (
          <Alert tone="info">{t("recoveryCodes.noneLeft")}</Alert>
        )}
        <button
          type="button"
          className="button primary"
          onClick={() => {
            apply(accepted);
            onVerified(accepted);
          }}
        >
          {t("recoveryCodes.continue")}
        </button>
      </>
    );
  }

  const onSubmit = form.handleSubmit(async ({ code }) => {
    try {
      setAccepted(await step.mutateAsync({ code }));
    } catch (error) {
      // A refused code is dropped from the field; other failures keep it for a retry.
      if (error instanceof ApiError && error.code === "INVALID_CODE") form.reset({ code: "" });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorAlert error={step.error} />
      <TextField
        label={t("recoveryCodes.enter")}
        hint={t("recoveryCodes.enterHint")}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        error={form.formState.errors.code?.message}
        {...form.register("code")}
      />
      <button type="submit" className="button primary" disabled={step.isPending}>
        {step.isPending ? t("common.working") : t("common.verify")}
      </button>
    </form>
  );
}
