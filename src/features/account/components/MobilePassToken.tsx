import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { DetailsList } from "@/components/ui/DetailsList";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { formatDateTime } from "@/i18n";
import { mobilePassQueryOptions } from "../api/account";

/**
 * Settings' MobilePASS token (Nasdaq two-factor login): serial, enrolled, last used, and Remove,
 * asked here first; `onRemove` then has the removal verified (password and a method) and made.
 */
export function MobilePassToken(props: { busy: boolean; onRemove: (serial: string) => void }) {
  const { t } = useTranslation();
  const mobilePass = useQuery(mobilePassQueryOptions());
  const [asking, setAsking] = useState(false);
  const token = mobilePass.data?.token;
  if (!token) return <ErrorAlert error={mobilePass.error} />;
  const when = (at: string | null) => (at ? formatDateTime(at) : t("account.mobilePass.never"));
  return (
    <section className="panel" aria-labelledby="mobilepass-token">
      <h2 id="mobilepass-token">{t("account.mobilePass.title")}</h2>
      <DetailsList
        rows={[
          [t("account.mobilePass.serial"), token.serial],
          [
            t("account.mobilePass.enrolled"),
            token.enrolledAt
              ? formatDateTime(token.enrolledAt)
              : t("account.mobilePass.notEnrolled"),
          ],
          [t("account.mobilePass.lastUsed"), when(token.lastUsedAt)],
        ]}
      />
      <button
        type="button"
        className="button"
        disabled={props.busy}
        aria-label={t("account.mobilePass.removeLabel", { serial: token.serial })}
        onClick={() => setAsking(true)}
      >
        {t("account.actions.remove")}
      </button>
      {asking ? (
        <ConfirmDialog
          title={t("account.mobilePass.confirmTitle")}
          question={t("account.mobilePass.confirm", { serial: token.serial })}
          onYes={() => {
            setAsking(false);
            props.onRemove(token.serial);
          }}
          onNo={() => setAsking(false)}
        />
      ) : null}
    </section>
  );
}
