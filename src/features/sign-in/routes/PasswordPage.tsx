import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { Alert } from "@/components/ui/Alert";
import { AuthCard } from "@/components/ui/AuthCard";
import { BackToSignIn } from "@/components/ui/BackToSignIn";
import { PasswordStep } from "@/components/verification/PasswordStep";
import { paths } from "@/config/paths";
import { AuthnGate, stepPath, useReturnPath } from "../components/AuthnGate";

/** "Verify with your password" (guide Section 3, step 3). */
export function PasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const from = useReturnPath();
  return (
    <AuthnGate serves={["PASSWORD"]}>
      {(state) => (
        <AuthCard
          title={t("signIn.password.title")}
          username={state.username}
          footer={
            <>
              <Link to={paths.forgotPassword}>{t("signIn.forgotPassword")}</Link>
              <BackToSignIn />
            </>
          }
        >
          {state.notice === "unlocked" ? (
            <Alert tone="success">{t("signIn.unlockedNotice")}</Alert>
          ) : null}
          <PasswordStep
            username={state.username}
            onVerified={(next) => void navigate(stepPath(next.status, from))}
          />
        </AuthCard>
      )}
    </AuthnGate>
  );
}
