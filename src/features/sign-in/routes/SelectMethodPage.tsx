import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { AuthCard } from "@/components/ui/AuthCard";
import { BackToSignIn } from "@/components/ui/BackToSignIn";
import { MethodChooser } from "@/components/verification/MethodChooser";
import { RECOVERY_CODE } from "@/components/verification/RecoveryCodeStep";
import { paths } from "@/config/paths";
import { AuthnGate, useReturnPath } from "../components/AuthnGate";

/** "Verify it's you with a security method": only the methods this user has enrolled. */
export function SelectMethodPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const from = useReturnPath();
  return (
    <AuthnGate serves={["FACTOR"]}>
      {(state) => (
        <AuthCard
          title={t("signIn.select.title")}
          username={state.username}
          footer={<BackToSignIn />}
        >
          <MethodChooser
            state={state}
            onChoose={({ factor, mode }) => {
              const query = new URLSearchParams({ method: factor.id, mode });
              if (from) query.set("from", from);
              void navigate(`${paths.signInVerify}?${query.toString()}`);
            }}
            onRecoveryCode={() => {
              const query = new URLSearchParams({ method: RECOVERY_CODE });
              if (from) query.set("from", from);
              void navigate(`${paths.signInVerify}?${query.toString()}`);
            }}
          />
        </AuthCard>
      )}
    </AuthnGate>
  );
}
