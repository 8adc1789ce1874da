import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { IdentifyRequest } from "@/api/contracts/authn";
import { AuthCard } from "@/components/AuthCard";
import { ErrorAlert } from "@/components/ErrorAlert";
import { UsernameField } from "@/components/UsernameField";
import { paths } from "@/config/paths";
import { useIdentify } from "../api/authn";
import { AuthnGate, stepPath, useReturnPath } from "../components/AuthnGate";

/** Sign In: "Username (email address)", Next (guide Section 3, step 2). */
export function SignInPage() {
  return (
    <AuthnGate serves={["IDENTIFY", "PASSWORD", "FACTOR", "ENROLL"]}>
      {(state) => <UsernameForm defaultUsername={state.username ?? ""} />}
    </AuthnGate>
  );
}

function UsernameForm({ defaultUsername }: { defaultUsername: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const from = useReturnPath();
  const step = useIdentify();
  const form = useForm<IdentifyRequest>({
    resolver: zodResolver(IdentifyRequest),
    defaultValues: { username: defaultUsername },
  });

  const onSubmit = form.handleSubmit((values) =>
    step.mutate(values, { onSuccess: (state) => void navigate(stepPath(state.status, from)) }),
  );

  return (
    <AuthCard
      title={t("signIn.title")}
      footer={
        <>
          <Link to={paths.unlock}>{t("signIn.unlockAccount")}</Link>
          <Link to={paths.forgotPassword}>{t("signIn.forgotPassword")}</Link>
          <Link to={paths.help}>{t("signIn.help")}</Link>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate>
        <ErrorAlert error={step.error} />
        <UsernameField
          error={form.formState.errors.username?.message}
          registration={form.register("username")}
        />
        <button type="submit" className="button primary" disabled={step.isPending}>
          {step.isPending ? t("common.working") : t("signIn.next")}
        </button>
      </form>
    </AuthCard>
  );
}
