import { useTranslation } from "react-i18next";

/** The seed's "Contact Us": whom to call about 2FA, and about each application's accounts. */
export function NasdaqContact() {
  const { t } = useTranslation();
  return <p className="field-hint">{t("nasdaq.contact", { phone: "+46 8 405 6280" })}</p>;
}
