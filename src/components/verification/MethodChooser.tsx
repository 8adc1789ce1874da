import { useTranslation } from "react-i18next";
import type { AuthnState } from "@/api/contracts/authn";
import { factorOptions, type FactorOption } from "./factor-options";

/**
 * "Select from the following options": only the methods this user has set up, then "Recovery
 * code" while any is left.
 */
export function MethodChooser({
  state,
  onChoose,
  onRecoveryCode,
}: {
  state: AuthnState;
  onChoose: (option: FactorOption) => void;
  onRecoveryCode: () => void;
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
        {(state.recoveryCodesLeft ?? 0) > 0 ? (
          <li className="method-row">
            <span className="method-name">
              <strong>{t("recoveryCodes.option")}</strong>
            </span>
            <button
              type="button"
              className="button"
              aria-label={t("signIn.select.selectMethod", { name: t("recoveryCodes.option") })}
              onClick={onRecoveryCode}
            >
              {t("common.select")}
            </button>
          </li>
        ) : null}
      </ul>
    </>
  );
}
