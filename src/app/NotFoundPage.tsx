import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AuthCard } from "@/components/ui/AuthCard";
import { paths } from "@/config/paths";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <AuthCard title={t("notFound.title")}>
      <p>{t("notFound.text")}</p>
      <p>
        <Link to={paths.home}>{t("notFound.home")}</Link>
      </p>
    </AuthCard>
  );
}
