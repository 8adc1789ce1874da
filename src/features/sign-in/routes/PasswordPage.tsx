import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { PasswordRequest } from "@/api/contracts/authn";
import { AuthCard } from "@/components/AuthCard";
import { ErrorAlert } from "@/components/ErrorAlert";
import { TextField } from "@/components/TextField";
import { paths } from "@/config/paths";
import { useAuthnStep, verifyPassword } from "../api/authn";
import { AuthnGate, stepPath, useReturnPath } from "../components/AuthnGate";
import { BackToSignIn } from "@/components/BackToSignIn";

/** "Verify with your password" (guide Section 3, step 3). */
export function PasswordPage() {
  return (
    <AuthnGate serves={["PASSWORD"]}>
      {(state) => <PasswordForm username={state.username} />}
    </AuthnGate>
  );
}

function PasswordForm({ username }: { username: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const from = useReturnPath();
  const step = useAuthnStep(verifyPassword);
  const form = useForm<PasswordRequest>({
    resolver: zodResolver(PasswordRequest),
    defaultValues: { password: "" },
  });

  const onSubmit = form.handleSubmit((values) =>
    step.mutate(values, { onSuccess: (state) => void navigate(stepPath(state.status, from)) }),
  );

  return (
    <AuthCard
      title={t("signIn.password.title")}
      username={username}
      footer={
        <>
          <Link to={paths.forgotPassword}>{t("signIn.forgotPassword")}</Link>
          <BackToSignIn />
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate>
        {/* Lets password managers pair the password with the username typed on the first screen. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={username ?? ""}
          readOnly
          hidden
        />
        <ErrorAlert error={step.error} />
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
    </AuthCard>
  );
}
