import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { ApiError } from "@/api/client";
import { OneTimeCode } from "@/api/contracts/authn";
import { ErrorAlert } from "./ErrorAlert";
import { TextField } from "./TextField";

const CodeFormSchema = z.object({ code: OneTimeCode });
type CodeFormValues = z.input<typeof CodeFormSchema>;

/** Refusals of the code itself: the field is cleared for the next code. Other failures keep it. */
const REFUSED_CODES = new Set(["INVALID_CODE", "CODE_EXPIRED", "CODE_ALREADY_USED", "CLOCK_SKEW"]);

/**
 * "Enter code" and Verify, for an authenticator app or a code sent to a phone: numeric, filled in
 * by the phone's one-time-code autofill, spaces ignored.
 */
export function OneTimeCodeForm(props: {
  label: string;
  submit: (code: string) => Promise<unknown>;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const form = useForm<CodeFormValues>({
    resolver: zodResolver(CodeFormSchema),
    defaultValues: { code: "" },
  });
  const onSubmit = form.handleSubmit(async ({ code }) => {
    try {
      await props.submit(code);
    } catch (error) {
      // The mutation shows the error; here only the typed code is dropped when it was refused.
      if (error instanceof ApiError && REFUSED_CODES.has(error.code)) form.reset({ code: "" });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorAlert error={props.error} />
      <TextField
        label={props.label}
        inputMode="numeric"
        autoComplete="one-time-code"
        error={form.formState.errors.code?.message}
        {...form.register("code")}
      />
      <button type="submit" className="button primary" disabled={props.pending}>
        {props.pending ? t("common.working") : t("common.verify")}
      </button>
    </form>
  );
}
