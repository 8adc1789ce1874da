import { useTranslation } from "@/i18n/first-screen";

/** "Loading…" while a screen waits for its code or its data; screen readers hear it (status). */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t("common.loading")}
    </p>
  );
}
