import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { AuthnState } from "@/api/contracts/authn";
import { AuthCard } from "@/components/AuthCard";
import { paths } from "@/config/paths";
import { AuthnGate, useReturnPath } from "../components/AuthnGate";
import { BackToSignIn } from "@/components/BackToSignIn";
import { factorOptions } from "../factor-options";

/** "Verify it's you with a security method": only the methods this user has enrolled. */
export function SelectMethodPage() {
  return <AuthnGate serves={["FACTOR"]}>{(state) => <MethodList state={state} />}</AuthnGate>;
}

function MethodList({ state }: { state: AuthnState }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const from = useReturnPath();
  const options = factorOptions(t, state.factors);

  const choose = (methodId: string, mode: string) => {
    const query = new URLSearchParams({ method: methodId, mode });
    if (from) query.set("from", from);
    void navigate(`${paths.signInVerify}?${query.toString()}`);
  };

  return (
    <AuthCard title={t("signIn.select.title")} username={state.username} footer={<BackToSignIn />}>
      <p>{t("signIn.select.intro")}</p>
      <ul className="method-list">
        {options.map(({ factor, mode, title, subtitle }) => {
          const name = subtitle ? `${title} ${subtitle}` : title;
          return (
            <li key={`${factor.id}-${mode}`} className="method-row">
              <span className="method-name">
                <strong>{title}</strong>
                {subtitle ? <span className="method-detail">{subtitle}</span> : null}
              </span>
              <button
                type="button"
                className="button"
                aria-label={t("signIn.select.selectMethod", { name })}
                onClick={() => choose(factor.id, mode)}
              >
                {t("common.select")}
              </button>
            </li>
          );
        })}
      </ul>
    </AuthCard>
  );
}
