import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import * as z from "zod/mini";
import { ApiError } from "@/api/client";
import { OneTimeCode } from "@/api/contracts/authn";
import { ErrorAlert } from "@/components/ErrorAlert";
import { TextField } from "@/components/TextField";
import { useAuthnStep, verifyCode } from "../api/authn";
import { stepPath, useReturnPath } from "./AuthnGate";

const CodeFormSchema = z.object({ code: OneTimeCode });
type CodeFormValues = z.input<typeof CodeFormSchema>;

/** Codes the server refused as codes: the field is cleared for the next one. */
const REFUSED_CODES = new Set(["INVALID_CODE", "CODE_EXPIRED", "CODE_ALREADY_USED", "CLOCK_SKEW"]);

/** "Enter code" and Verify, for an authenticator app or a code sent to a phone. */
export function CodeForm({ methodId, label }: { methodId: string; label: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const from = useReturnPath();
  const step = useAuthnStep(verifyCode);
  const form = useForm<CodeFormValues>({
    resolver: zodResolver(CodeFormSchema),
    defaultValues: { code: "" },
  });

  const onSubmit = form.handleSubmit((values) =>
    step.mutate(
      { methodId, code: values.code },
      {
        onSuccess: (state) => void navigate(stepPath(state.status, from)),
        onError: (error) => {
          if (error instanceof ApiError && REFUSED_CODES.has(error.code)) form.reset({ code: "" });
        },
      },
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorAlert error={step.error} />
      <TextField
        label={label}
        inputMode="numeric"
        autoComplete="one-time-code"
        error={form.formState.errors.code?.message}
        {...form.register("code")}
      />
      <button type="submit" className="button primary" disabled={step.isPending}>
        {step.isPending ? t("common.working") : t("common.verify")}
      </button>
    </form>
  );
}
