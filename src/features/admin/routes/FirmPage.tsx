import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NTF_FREE_DAYS, type Firm } from "@/api/contracts/admin";
import { Alert } from "@/components/ui/Alert";
import { DetailsList } from "@/components/ui/DetailsList";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { useVerifiedChange } from "@/components/verification/use-verified-change";
import { formatDateTime } from "@/i18n";
import { firmsQueryOptions, useStartNtfTest } from "../api/firms";
import { AdminLayout } from "../components/AdminLayout";
import { AdminStepUp } from "../components/AdminStepUp";
import { ReasonDialog } from "../components/ReasonDialog";

type Start = { firmId: string; reason: string };

/**
 * The firm: its registered email domains (invitations go only to those), its administrators, and
 * the NTF test period, free for 30 calendar days from the day the firm starts it (the notice). The
 * help desk sees every firm.
 */
export function FirmPage() {
  const { t } = useTranslation();
  const firms = useQuery(firmsQueryOptions());
  const start = useStartNtfTest();
  const [asking, setAsking] = useState<Firm | null>(null);
  const change = useVerifiedChange((pending: Start, end) => {
    end();
    start.mutate({ firmId: pending.firmId, body: { reason: pending.reason } });
  });

  if (change.stage === "verify" && change.change)
    return (
      <AdminStepUp
        change={{ action: "startNtfTest", target: change.change.firmId }}
        onVerified={change.verified}
        onCancel={change.end}
      />
    );

  return (
    <AdminLayout title={t("admin.firm.title")} lead={t("admin.firm.lead", { days: NTF_FREE_DAYS })}>
      {(me) => (
        <>
          <ErrorAlert error={firms.error ?? start.error} />
          {start.isSuccess ? <Alert tone="success">{t("admin.done.startNtfTest")}</Alert> : null}
          {firms.data ? (
            firms.data.map((firm) => (
              <FirmPanel
                key={firm.id}
                firm={firm}
                canStart={me.administration?.role === "firm-administrator"}
                busy={start.isPending}
                onStart={() => {
                  start.reset();
                  setAsking(firm);
                }}
              />
            ))
          ) : firms.isPending ? (
            <p role="status">{t("common.loading")}</p>
          ) : null}
          {asking ? (
            <ReasonDialog
              title={t("admin.actions.startNtfTest")}
              question={t("admin.confirm.startNtfTest", { firm: asking.name, days: NTF_FREE_DAYS })}
              reason={start.isError ? start.variables.body.reason : undefined}
              onReason={(reason) => {
                setAsking(null);
                change.verify({ firmId: asking.id, reason });
              }}
              onCancel={() => setAsking(null)}
            />
          ) : null}
        </>
      )}
    </AdminLayout>
  );
}

function FirmPanel(props: { firm: Firm; canStart: boolean; busy: boolean; onStart: () => void }) {
  const { t, i18n } = useTranslation();
  const { firm } = props;
  const headingId = `firm-${firm.id}`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{firm.name}</h2>
      <DetailsList
        rows={[
          [t("admin.firm.domains"), firm.domains.join(", ")],
          [
            t("admin.firm.administrators"),
            firm.administrators.length
              ? firm.administrators.map((a) => `${a.name} (${a.email})`).join(", ")
              : t("admin.firm.noAdministrators"),
          ],
          [t("admin.firm.users"), firm.userCount.toLocaleString(i18n.language)],
        ]}
      />
      <h3>{t("admin.firm.ntf")}</h3>
      {firm.ntfTest ? (
        <DetailsList
          rows={[
            [t("admin.firm.ntfStarted"), formatDateTime(firm.ntfTest.startedAt)],
            [t("admin.firm.ntfEnds"), formatDateTime(firm.ntfTest.endsAt)],
            [
              t("admin.firm.ntfDaysLeft"),
              t("admin.firm.ntfDaysLeftValue", {
                count: firm.ntfTest.daysLeft,
                total: NTF_FREE_DAYS,
              }),
            ],
          ]}
        />
      ) : (
        <>
          <p>{t("admin.firm.ntfNotStarted")}</p>
          {props.canStart ? (
            <button type="button" className="button" disabled={props.busy} onClick={props.onStart}>
              {t("admin.actions.startNtfTest")}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
