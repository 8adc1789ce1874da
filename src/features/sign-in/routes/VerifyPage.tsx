import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { AuthnState } from "@/api/contracts/authn";
import { AuthCard } from "@/components/AuthCard";
import { paths, withFrom } from "@/config/paths";
import { AuthnGate, useReturnPath } from "../components/AuthnGate";
import { BackToSignIn } from "@/components/BackToSignIn";
import { CodeForm } from "../components/CodeForm";
import { PhoneVerify } from "../components/PhoneVerify";
import { PushVerify } from "../components/PushVerify";
import { chosenOption, factorOptions } from "../factor-options";

/**
 * The second factor: the last used method by default (guide Section 3, step 4), or the one chosen
 * under "Verify with something else".
 */
export function VerifyPage() {
  return <AuthnGate serves={["FACTOR"]}>{(state) => <VerifyWithMethod state={state} />}</AuthnGate>;
}

function VerifyWithMethod({ state }: { state: AuthnState }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const from = useReturnPath();
  const option = chosenOption(
    factorOptions(t, state.factors),
    state,
    params.get("method"),
    params.get("mode"),
  );
  if (!option) return null;
  const { factor, mode } = option;

  const titles = {
    google_authenticator: t("signIn.verify.googleTitle"),
    okta_verify: mode === "push" ? t("signIn.push.title") : t("signIn.verify.oktaTitle"),
    phone: t("signIn.verify.phoneTitle"),
  };
  const footer = (
    <>
      {state.factors.length > 0 ? (
        <Link to={withFrom(paths.signInVerifySelect, from)}>
          {t("signIn.verify.somethingElse")}
        </Link>
      ) : null}
      <BackToSignIn />
    </>
  );

  return (
    <AuthCard title={titles[factor.type]} username={state.username} footer={footer}>
      {factor.type === "google_authenticator" ? (
        <>
          <p>{t("signIn.verify.googleHint")}</p>
          <CodeForm key={factor.id} methodId={factor.id} label={t("common.enterCode")} />
        </>
      ) : null}
      {factor.type === "okta_verify" && mode === "code" ? (
        <>
          <p>{t("signIn.verify.oktaHint")}</p>
          <CodeForm key={factor.id} methodId={factor.id} label={t("common.enterCode")} />
        </>
      ) : null}
      {factor.type === "okta_verify" && mode === "push" ? (
        <PushVerify key={factor.id} factor={factor} state={state} />
      ) : null}
      {factor.type === "phone" ? (
        <PhoneVerify key={factor.id} factor={factor} state={state} />
      ) : null}
    </AuthCard>
  );
}
