import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { apiRequest } from "@/api/client";
import { AuthnState } from "@/api/contracts/authn";
import { paths } from "@/config/paths";

/** "Back to sign in": ends this sign-in or set-up on the server and starts again. */
export function BackToSignIn() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => apiRequest("/api/authn/cancel", AuthnState, { method: "POST", body: {} }),
    onSettled: () => {
      queryClient.clear();
      void navigate(paths.signIn);
    },
  });
  return (
    <button type="button" className="link-button" onClick={() => cancel.mutate()}>
      {t("signIn.backToSignIn")}
    </button>
  );
}
