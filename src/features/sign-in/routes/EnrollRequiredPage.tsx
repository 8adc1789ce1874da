import { useTranslation } from "react-i18next";
import { AuthCard } from "@/components/AuthCard";
import { AuthnGate } from "../components/AuthnGate";
import { BackToSignIn } from "../components/BackToSignIn";

/**
 * Guide Section 3, step 4a: the password was right but no access method is set up yet. The user
 * must set one up (guide Section 1) before going further.
 */
export function EnrollRequiredPage() {
  const { t } = useTranslation();
  return (
    <AuthnGate serves={["ENROLL"]}>
      {(state) => (
        <AuthCard
          title={t("signIn.enroll.title")}
          username={state.username}
          footer={<BackToSignIn />}
        >
          <p>{t("signIn.enroll.none")}</p>
        </AuthCard>
      )}
    </AuthnGate>
  );
}
