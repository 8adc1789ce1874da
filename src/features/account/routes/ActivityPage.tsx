import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Me } from "@/api/contracts/me";
import { Alert } from "@/components/ui/Alert";
import { DashboardLayout, dashboardLoading } from "@/components/layouts/DashboardLayout";
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
          <table className="activity">
            <caption className="visually-hidden">{t("activity.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("activity.time")}</th>
                <th scope="col">{t("activity.event")}</th>
                <th scope="col">{t("activity.client")}</th>
                <th scope="col">{t("activity.result")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("activity.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id}>
                  <td data-label={t("activity.time")}>{formatDateTime(item.at)}</td>
                  <td data-label={t("activity.event")}>
                    {t(`activity.types.${item.type}`)}
                    {item.detail ? <span className="method-detail"> ({item.detail})</span> : null}
                  </td>
                  <td data-label={t("activity.client")}>{item.client}</td>
                  <td data-label={t("activity.result")}>{t(`activity.results.${item.result}`)}</td>
                  <td>
                    {item.reported ? (
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
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={data.page} pageCount={data.pageCount} onPage={setPage} />
        </>
      ) : (
        <p role="status">{t("common.loading")}</p>
      )}
    </DashboardLayout>
  );
}
