import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { AuthnState } from "@/api/contracts/authn";
import { CodeStep } from "./CodeStep";
import type { FactorOption } from "./factor-options";
import { PasskeyStep } from "./PasskeyStep";
import { PhoneStep } from "./PhoneStep";
import { PushStep } from "./PushStep";

/** The heading of the screen that verifies with this option, in the guide's words. */
export function factorTitle(t: TFunction, { factor, mode }: FactorOption): string {
  if (factor.type === "google_authenticator") return t("signIn.verify.googleTitle");
  if (factor.type === "phone") return t("signIn.verify.phoneTitle");
  if (factor.type === "passkey") return t("signIn.passkey.title");
  return mode === "push" ? t("signIn.push.title") : t("signIn.verify.oktaTitle");
}

/** Verifies with one method: a code from an app, a code sent to a phone, or a push. */
export function FactorStep(props: {
  state: AuthnState;
  option: FactorOption;
  onVerified: (state: AuthnState) => void;
}) {
  const { t } = useTranslation();
  const { state, option, onVerified } = props;
  const { factor, mode } = option;
  if (factor.type === "phone")
    return <PhoneStep key={factor.id} factor={factor} state={state} onVerified={onVerified} />;
  if (factor.type === "passkey") return <PasskeyStep key={factor.id} onVerified={onVerified} />;
  if (factor.type === "okta_verify" && mode === "push") {
    return <PushStep key={factor.id} factor={factor} state={state} onVerified={onVerified} />;
  }
  return (
    <>
      <p>
        {t(
          factor.type === "google_authenticator"
            ? "signIn.verify.googleHint"
            : "signIn.verify.oktaHint",
        )}
      </p>
      <CodeStep
        key={factor.id}
        methodId={factor.id}
        label={t("common.enterCode")}
        onVerified={onVerified}
      />
    </>
  );
}
