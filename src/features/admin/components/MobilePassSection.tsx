import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NASDAQ_APPLICATION_NAMES } from "@/api/contracts/nasdaq";
import { DetailsList } from "@/components/ui/DetailsList";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { formatDateTime } from "@/i18n";
import { mobilePassQueryOptions, type MobilePassAction } from "../api/user";

/**
 * The user's MobilePASS token (Nasdaq two-factor login), masked: serial, status and dates, never
 * the seed or the activation code; Issue, Resend, Revoke, Reissue and the Nasdaq login's Unlock,
 * each (like every change here) after a reason and the administrator's "Verify it's you".
 * `children`: the editing of the user's Nasdaq applications, for those who may.
 */
export function MobilePassSection(props: {
  userId: string;
  busy: boolean;
  onAction: (action: MobilePassAction) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const mobilePass = useQuery(mobilePassQueryOptions(props.userId));
  const data = mobilePass.data;
  const token = data?.token;
  const actions: MobilePassAction[] = [];
  if (data && !data.issueRefusal) actions.push("issueMobilePass");
  if (token?.status === "issued") actions.push("resendMobilePass");
  if (token) actions.push("revokeMobilePass", "reissueMobilePass");
  if (data?.lockedUntil) actions.push("unlockNasdaqLogin");
  const rows: [string, string][] = [];
  if (data) {
    const names = data.applications.map((a) => NASDAQ_APPLICATION_NAMES[a]).join(", ");
    rows.push([t("admin.mobilePass.applications"), names || t("admin.mobilePass.none")]);
  }
  if (token) {
    rows.push(
      [t("admin.mobilePass.serial"), token.serial],
      [t("admin.mobilePass.status"), t(`admin.mobilePass.statuses.${token.status}`)],
    );
    if (token.status === "issued")
      rows.push([
        t("admin.mobilePass.activationExpires"),
        formatDateTime(token.activationExpiresAt),
      ]);
    if (token.enrolledAt)
      rows.push([t("admin.mobilePass.enrolled"), formatDateTime(token.enrolledAt)]);
    rows.push([
      t("admin.mobilePass.lastUsed"),
      token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t("admin.never"),
    ]);
  }
  if (data?.lockedUntil)
    rows.push([t("admin.mobilePass.lockedUntil"), formatDateTime(data.lockedUntil)]);

  return (
    <section className="panel" aria-labelledby="admin-mobilepass">
      <h2 id="admin-mobilepass">{t("admin.mobilePass.title")}</h2>
      <ErrorAlert error={mobilePass.error} />
      {data && !token ? <p>{t("admin.mobilePass.noToken")}</p> : null}
      <DetailsList rows={rows} />
      {props.children}
      {data?.issueRefusal && data.issueRefusal !== "TOKEN_EXISTS" ? (
        <p>
          {t("admin.mobilePass.cannotIssue", {
            reason: t(`admin.mobilePass.issueRefusals.${data.issueRefusal}`),
          })}
        </p>
      ) : null}
      <div className="admin-actions">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className="button"
            disabled={props.busy}
            onClick={() => props.onAction(action)}
          >
            {t(`admin.actions.${action}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
