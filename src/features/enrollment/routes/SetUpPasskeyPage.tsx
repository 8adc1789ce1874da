import { useTranslation } from "react-i18next";
import type { EnrollmentState } from "@/api/contracts/enrollment";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { useCreatePasskey } from "../api/enrollment";
import { AuthCardLoading } from "@/components/ui/AuthCardLoading";
import { EnrollCard, useSetUpDone } from "../components/EnrollCard";
import { EnrollmentGate } from "../components/EnrollmentGate";

/** "Set up a passkey": the browser creates it (with user verification), the backend keeps it. */
export function SetUpPasskeyPage() {
  const { t } = useTranslation();
  return (
    <EnrollmentGate
      whileLoading={
        <AuthCardLoading title={t("enroll.passkey.title")}>
          <PasskeyDescription />
        </AuthCardLoading>
      }
    >
      {(state) => <CreatePasskey state={state} />}
    </EnrollmentGate>
  );
}

/** What a passkey is, and what the browser will ask. */
function PasskeyDescription() {
  const { t } = useTranslation();
  return (
    <>
      <p>{t("enroll.describe.passkey")}</p>
      <p>{t("enroll.passkey.intro")}</p>
      <p className="field-hint">{t("enroll.phishingResistant")}</p>
    </>
  );
}

function CreatePasskey({ state }: { state: EnrollmentState }) {
  const { t } = useTranslation();
  const setUpDone = useSetUpDone(state);
  const create = useCreatePasskey();
  return (
    <EnrollCard title={t("enroll.passkey.title")} state={state}>
      <PasskeyDescription />
      <ErrorAlert error={create.error} />
      <button
        type="button"
        className="button primary"
        disabled={create.isPending}
        onClick={() =>
          create.mutate(undefined, { onSuccess: () => void setUpDone(t("methods.passkey")) })
        }
      >
        {create.isPending ? t("enroll.passkey.creating") : t("enroll.passkey.create")}
      </button>
    </EnrollCard>
  );
}
