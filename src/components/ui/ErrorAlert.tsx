import { useTranslation } from "@/i18n/first-screen";
import { describeError } from "@/i18n/describe-error";
import { Alert } from "./Alert";

/** Shows what went wrong with a request, if anything did. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert tone="error">{describeError(t, error)}</Alert>;
}
