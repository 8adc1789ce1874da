import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AuthnState } from "@/api/contracts/authn";
import { verifyWithPasskey } from "@/api/passkeys";
import { ErrorAlert } from "../ui/ErrorAlert";
import { useVerificationApi } from "./api";

/**
 * Verifies with one of the user's passkeys: the second factor after the password, or "Verify it's
 * you". The browser's prompt opens on the button, as it needs a user gesture on some browsers.
 */
export function PasskeyStep({ onVerified }: { onVerified: (state: AuthnState) => void }) {
  const { t } = useTranslation();
  const api = useVerificationApi();
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: () => verifyWithPasskey(`${api.base}/passkey`, AuthnState),
    onSuccess: (state) => {
      queryClient.setQueryData(api.queryKey, state);
      if (state.status === "SUCCESS") void queryClient.invalidateQueries({ queryKey: ["me"] });
      onVerified(state);
    },
  });
  return (
    <>
      <p>{t("signIn.passkey.hint")}</p>
      <ErrorAlert error={verify.error} />
      <button
        type="button"
        className="button primary"
        disabled={verify.isPending}
        onClick={() => verify.mutate()}
      >
        {verify.isPending ? t("signIn.passkey.waiting") : t("signIn.passkey.use")}
      </button>
    </>
  );
}
