import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { RecoveryKind } from "@/api/contracts/recovery";
import { AuthCard } from "@/components/ui/AuthCard";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { MethodIcon } from "@/components/ui/MethodIcon";
import { RadioGroupField } from "@/components/ui/RadioGroupField";
import { useUsernameField } from "@/components/ui/UsernameField";
import { paths } from "@/config/paths";
import { useStartRecovery } from "../api";
import { useHydrated } from "@/components/ui/use-hydrated";

/** "Unlock account?" (guide Section 2, How to Unlock, step 1) and "Forgot password?". */
export function UnlockAccountPage() {
  return <StartRecovery kind="unlock" />;
}

export function ForgotPasswordPage() {
  return <StartRecovery kind="reset" />;
}

function StartRecovery({ kind }: { kind: RecoveryKind }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartRecovery();
  const hydrated = useHydrated();
  const username = useUsernameField();
  const unlock = kind === "unlock";
  return (
    <AuthCard
      title={t(unlock ? "recovery.unlockTitle" : "recovery.resetTitle")}
      footer={<Link to={paths.signIn}>{t("signIn.backToSignIn")}</Link>}
    >
      <form
        noValidate
        onSubmit={username.handleSubmit((value) =>
          start.mutate(
            { kind, username: value },
            { onSuccess: () => void navigate(paths.recovery) },
          ),
        )}
      >
        <ErrorAlert error={start.error} />
        {username.field}
        {unlock ? (
          // The guide's screen has no heading over the one option: the group is named for
          // screen readers only.
          <RadioGroupField
            legend={t("recovery.how")}
            legendHidden
            name="recovery-channel"
            options={[
              {
                value: "email",
                label: (
                  <>
                    <MethodIcon kind="email" />
                    {t("recovery.email")}
                  </>
                ),
              },
            ]}
            defaultChecked
          />
        ) : null}
        <button type="submit" className="button primary" disabled={!hydrated || start.isPending}>
          {start.isPending ? t("common.working") : t(unlock ? "common.select" : "signIn.next")}
        </button>
      </form>
    </AuthCard>
  );
}
