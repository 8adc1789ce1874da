import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { TraqsLayout } from "@/components/layouts/TraqsLayout";
import { paths } from "@/config/paths";

/** The TRAQS website, entered with the chosen TRAQS username. */
export function TraqsPage() {
  const { t } = useTranslation();
  return (
    <TraqsLayout title={t("traqs.title")}>
      {(_me, username) => (
        <>
          <PageHeading title={t("traqs.title")} />
          <Alert tone="info">{t("traqs.usingCredentials", { username })}</Alert>
          <p>
            <Link to={paths.home}>{t("traqs.backToDashboard")}</Link>
          </p>
        </>
      )}
    </TraqsLayout>
  );
}
