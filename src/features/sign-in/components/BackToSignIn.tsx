import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { paths } from "@/config/paths";
import { cancelSignIn, useAuthnStep } from "../api/authn";

/** "Back to sign in": ends this sign-in on the server and starts again. */
export function BackToSignIn() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cancel = useAuthnStep(cancelSignIn);
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => cancel.mutate({}, { onSettled: () => void navigate(paths.signIn) })}
    >
      {t("signIn.backToSignIn")}
    </button>
  );
}
