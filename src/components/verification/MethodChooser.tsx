import { useTranslation } from "react-i18next";
import type { AuthnState } from "@/api/contracts/authn";
import { factorOptions, type FactorOption } from "./factor-options";

/** "Select from the following options": only the methods this user has set up. */
export function MethodChooser({
  state,
  onChoose,
}: {
  state: AuthnState;
  onChoose: (option: FactorOption) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t("signIn.select.intro")}</p>
      <ul className="method-list">
        {factorOptions(t, state.factors).map((option) => {
          const { factor, mode, title, subtitle } = option;
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
                onClick={() => onChoose(option)}
              >
                {t("common.select")}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
