import { useTranslation } from "react-i18next";
import type { EnrollmentState } from "@/api/contracts/enrollment";
import { NewPasswordForm } from "@/components/ui/NewPasswordForm";
import { useSetPassword } from "../api/enrollment";
import { EnrollCard, useSetUpDone } from "../components/EnrollCard";
import { EnrollmentGate } from "../components/EnrollmentGate";

/** "Set up password" (guide Section 1, step 5). */
export function SetUpPasswordPage() {
  return <EnrollmentGate>{(state) => <SetUpPassword state={state} />}</EnrollmentGate>;
}

function SetUpPassword({ state }: { state: EnrollmentState }) {
  const { t } = useTranslation();
  const setUpDone = useSetUpDone(state);
  const setPassword = useSetPassword();
  return (
    <EnrollCard title={t("enroll.password.title")} state={state}>
      <NewPasswordForm
        owner={{ login: state.username, firstName: state.firstName, lastName: state.lastName }}
        pending={setPassword.isPending}
        error={setPassword.error}
        submitLabel={t("signIn.next")}
        submit={async (password) => {
          await setPassword.mutateAsync({ password });
          await setUpDone(t("methods.password"));
        }}
      />
    </EnrollCard>
  );
}
