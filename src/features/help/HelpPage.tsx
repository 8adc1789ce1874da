import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AuthCard } from "@/components/ui/AuthCard";
import { paths } from "@/config/paths";

/** Help: the guide's own answers and contacts (Section 6, Common Questions). */
export function HelpPage() {
  const { t } = useTranslation();
  return (
    <AuthCard
      title={t("help.title")}
      footer={<Link to={paths.signIn}>{t("signIn.backToSignIn")}</Link>}
    >
      <section className="help-section" aria-labelledby="unlock-account">
        <h2 id="unlock-account">{t("help.unlockTitle")}</h2>
        <p>{t("help.unlockText")}</p>
      </section>
      <section className="help-section" aria-labelledby="forgot-password">
        <h2 id="forgot-password">{t("help.forgotTitle")}</h2>
        <p>{t("help.forgotText")}</p>
      </section>
      <section className="help-section" aria-labelledby="need-help">
        <h2 id="need-help">{t("help.needHelpTitle")}</h2>
        <p>{t("help.needHelpText")}</p>
      </section>
    </AuthCard>
  );
}
