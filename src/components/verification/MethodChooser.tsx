import { useTranslation } from "react-i18next";
import type { AuthnState } from "@/api/contracts/authn";
import { MethodIcon, type MethodIconKind } from "../ui/MethodIcon";
import { factorOptions, optionKey, type FactorOption } from "./factor-options";

const ICON: Record<FactorOption["factor"]["type"], MethodIconKind> = {
  google_authenticator: "googleAuthenticator",
  okta_verify: "oktaVerify",
  phone: "phone",
  passkey: "passkey",
};

type Row = {
  key: string;
  icon: MethodIconKind;
  title: string;
  subtitle: string | null;
  /** A phone number is read in groups: it must not break inside one. */
  keepTogether?: boolean;
  select: () => void;
};

/**
 * "Select from the following options": only the methods this user has set up, and the password
 * where the verification accepts it (opening Settings), before the phones as in the guide; then
 * "Recovery code" while any is left.
 */
export function MethodChooser({
  state,
  onChoose,
  onChoosePassword,
  onRecoveryCode,
}: {
  state: AuthnState;
  onChoose: (option: FactorOption) => void;
  onChoosePassword?: (() => void) | undefined;
  onRecoveryCode: () => void;
}) {
  const { t } = useTranslation();
  const options = factorOptions(t, state.factors);
  const rows: Row[] = options.map((option) => ({
    key: optionKey(option),
    icon: ICON[option.factor.type],
    title: option.title,
    subtitle: option.subtitle,
    keepTogether: option.factor.type === "phone",
    select: () => onChoose(option),
  }));
  if (onChoosePassword) {
    const firstPhone = options.findIndex((o) => o.factor.type === "phone");
    rows.splice(firstPhone < 0 ? rows.length : firstPhone, 0, {
      key: "password",
      icon: "password",
      title: t("methods.password"),
      subtitle: null,
      select: onChoosePassword,
    });
  }
  if ((state.recoveryCodesLeft ?? 0) > 0) {
    rows.push({
      key: "recovery-code",
      icon: "recoveryCodes",
      title: t("recoveryCodes.option"),
      subtitle: null,
      select: onRecoveryCode,
    });
  }
  return (
    <>
      <p>{t("signIn.select.intro")}</p>
      <ul className="method-list">
        {rows.map(({ key, icon, title, subtitle, keepTogether, select }) => (
          <li key={key} className="method-row">
            <MethodIcon kind={icon} />
            <span className="method-name">
              <strong>{title}</strong>
              {subtitle ? (
                <span className={keepTogether ? "method-detail nowrap" : "method-detail"}>
                  {subtitle}
                </span>
              ) : null}
            </span>
            <button
              type="button"
              className="button"
              aria-label={t("signIn.select.selectMethod", {
                name: subtitle ? `${title} ${subtitle}` : title,
              })}
              onClick={select}
            >
              {t("common.select")}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
