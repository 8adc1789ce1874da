import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { EnrollmentState } from "@/api/contracts/enrollment";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { useGenerateRecoveryCodes } from "../api/enrollment";
import { AuthCardLoading } from "@/components/ui/AuthCardLoading";
import { EnrollCard, listPath } from "../components/EnrollCard";
import { EnrollmentGate } from "../components/EnrollmentGate";
import { RecoveryCodes } from "../components/RecoveryCodes";

/**
 * "Recovery codes": a new set is made as the screen opens (at the end of activation, or from
 * Settings after the change verification made for it) and shown this once.
 */
export function SetUpRecoveryCodesPage() {
  return (
    <EnrollmentGate whileLoading={<CodesLoading />}>
      {(state) => <SetUpRecoveryCodes state={state} />}
    </EnrollmentGate>
  );
}

/** The screen while the user, then the codes, are on their way (and in the build's prerender). */
function CodesLoading({ username }: { username?: string }) {
  const { t } = useTranslation();
  return (
    <AuthCardLoading title={t("recoveryCodes.title")} username={username}>
      <p>{t("recoveryCodes.intro")}</p>
    </AuthCardLoading>
  );
}

function SetUpRecoveryCodes({ state }: { state: EnrollmentState }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const generate = useGenerateRecoveryCodes();
  // Once only: a second request would void the set being shown.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    generate.mutate();
  }, [generate]);

  // Until the codes come, the screen as first painted: its links come with the codes (below them).
  if (!generate.data && !generate.isError) return <CodesLoading username={state.username} />;
  return (
    <EnrollCard title={t("recoveryCodes.title")} state={state}>
      {/* Above the codes, as in the page's first paint. */}
      <p>{t("recoveryCodes.intro")}</p>
      <ErrorAlert error={generate.error} />
      {generate.data ? (
        <RecoveryCodes
          codes={generate.data.codes}
          username={state.username}
          onDone={() => void navigate(listPath(state))}
        />
      ) : null}
    </EnrollCard>
  );
}
