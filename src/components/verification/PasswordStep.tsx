import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "@/api/client";
import { PasswordRequest, type AuthnState } from "@/api/contracts/authn";
import { paths } from "@/config/paths";
import { ErrorAlert } from "../ui/ErrorAlert";
import { PasswordManagerUsername } from "../ui/PasswordManagerUsername";
import { TextField } from "../ui/TextField";
import { useVerificationStep } from "./api";

/** "Verify with your password": the password field and Verify. */
export function PasswordStep({
  username,
  onVerified,
}: {
  username: string | null;
  onVerified: (state: AuthnState) => void;
}) {
  const { t } = useTranslation();
  const step = useVerificationStep<PasswordRequest>("password");
  const form = useForm<PasswordRequest>({
    resolver: zodResolver(PasswordRequest),
    defaultValues: { password: "" },
  });
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => step.mutate(values, { onSuccess: onVerified }))}
    >
      <PasswordManagerUsername username={username} />
      <ErrorAlert error={step.error} />
      {step.error instanceof ApiError && step.error.code === "ACCOUNT_LOCKED" ? (
        <p>
          <Link to={paths.unlock}>{t("signIn.unlockAccount")}</Link>
        </p>
      ) : null}
      <TextField
        label={t("signIn.password.label")}
        type="password"
        autoComplete="current-password"
        revealable
        error={form.formState.errors.password?.message}
        {...form.register("password")}
      />
      <button type="submit" className="button primary" disabled={step.isPending}>
        {step.isPending ? t("common.working") : t("common.verify")}
      </button>
    </form>
  );
}
