import { useTranslation } from "react-i18next";
import { ApiError } from "@/api/client";
import { Alert } from "@/components/ui/Alert";
import { ErrorAlert } from "@/components/ui/ErrorAlert";

/**
 * An error of a Nasdaq screen: the codes whose common words speak of something else (the Okta
 * activation link, the Okta sign-in) in this feature's own words, any other as everywhere.
 */
export function NasdaqError({ error, own }: { error: unknown; own: readonly string[] }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && own.includes(error.code)) {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 0) / 60));
    return <Alert tone="error">{t(`nasdaq.errors.${error.code}`, { minutes })}</Alert>;
  }
  return <ErrorAlert error={error} />;
}
