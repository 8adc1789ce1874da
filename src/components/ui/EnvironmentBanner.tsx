import { useTranslation } from "@/i18n/first-screen";
import { env } from "@/config/env";

/** Says plainly when this is not Production: NTF enrollments and tokens are separate. */
export function EnvironmentBanner() {
  const { t } = useTranslation();
  if (env.environment === "Production") return null;
  return (
    <div className="env-banner" role="note">
      {t("env.banner", { environment: env.environment })}
    </div>
  );
}
