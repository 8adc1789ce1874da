import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Me } from "@/api/contracts/me";
import { Alert } from "@/components/ui/Alert";
import { DashboardLayout, dashboardLoading } from "@/components/layouts/DashboardLayout";
import { DataTable } from "@/components/ui/DataTable";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { PageHeading } from "@/components/ui/PageHeading";
import { Pager } from "@/components/ui/Pager";
import { RequireSession } from "@/components/layouts/RequireSession";
import { paths } from "@/config/paths";
import { formatDateTime } from "@/i18n";
import { activityQueryOptions, useReportActivity } from "../api/account";

/**
 * Recent Activity (user menu): sign-ins and security events, newest first, a page at a time. On a
 * phone each row stacks its cells, each named by its column (data-label).
 */
export function ActivityPage() {
  const { t } = useTranslation();
  return (
    <RequireSession whileLoading={dashboardLoading(t("activity.title"))}>
      {(me) => <Activity me={me} />}
    </RequireSession>
  );
}

function Activity({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const activity = useQuery({
    ...activityQueryOptions(page),
    placeholderData: (previous) => previous,
  });
  const report = useReportActivity();
  const data = activity.data;

  return (
    <DashboardLayout me={me}>
      <PageHeading title={t("activity.title")} />
      <ErrorAlert error={activity.error ?? report.error} />
      {report.isSuccess ? (
        <Alert tone="info">
          {t("activity.reported")} <Link to={paths.settings}>{t("activity.reviewSettings")}</Link>
        </Alert>
      ) : null}
      {data ? (
        <>
          <DataTable
            columns={[
              { header: t("activity.time"), cell: (item) => formatDateTime(item.at) },
              {
                header: t("activity.event"),
                cell: (item) => (
                  <>
                    {t(`activity.types.${item.type}`)}
                    {item.detail ? <span className="method-detail"> ({item.detail})</span> : null}
                  </>
                ),
              },
              { header: t("activity.client"), cell: (item) => item.client },
              {
                header: t("activity.result"),
                cell: (item) => t(`activity.results.${item.result}`),
              },
              {
                header: t("activity.actions"),
                headerHidden: true,
                cell: (item) =>
                  item.reported ? (
                    t("activity.alreadyReported")
                  ) : (
                    <button
                      type="button"
                      className="link-button"
                      disabled={report.isPending}
                      aria-label={t("activity.notMeLabel", {
                        event: t(`activity.types.${item.type}`),
                        time: formatDateTime(item.at),
                      })}
                      onClick={() => report.mutate(item.id)}
                    >
                      {t("activity.notMe")}
                    </button>
                  ),
              },
            ]}
            rows={data.items}
            rowKey={(item) => item.id}
            caption={t("activity.caption")}
          />
          <Pager page={data.page} pageCount={data.pageCount} onPage={setPage} />
        </>
      ) : (
        <p role="status">{t("common.loading")}</p>
      )}
    </DashboardLayout>
  );
}
