import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import type { Me } from "@/api/contracts/me";
import { DashboardLayout } from "@/components/layouts/DashboardLayout";
import { RequireSession } from "@/components/layouts/RequireSession";
import { Alert } from "@/components/ui/Alert";
import { Loading } from "@/components/ui/Loading";
import { PageHeading } from "@/components/ui/PageHeading";
import { paths } from "@/config/paths";
import "./admin.css";

/**
 * An Administration screen: the dashboard frame, the section's own navigation (Users, Order Form,
 * Audit log, Firm), and the screen's heading. Someone who administers nothing is told so (the
 * backend refuses them every `/api/admin` request anyway). Until the user is known (and in the
 * build's prerender, decision 030): the frame, the navigation's place, the heading and the
 * screen's `lead`, what it says to every administrator (decision 034).
 */
export function AdminLayout({
  title,
  lead,
  children,
}: {
  title: string;
  lead?: string;
  children: (me: Me) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <RequireSession
      whileLoading={
        // The section's navigation depends on the administrator's role: its place, empty.
        <DashboardLayout>
          <div className="admin-nav" aria-hidden="true">
            <span className="admin-nav-placeholder" />
          </div>
          <PageHeading title={title} />
          {lead ? <p>{lead}</p> : null}
          <Loading />
        </DashboardLayout>
      }
    >
      {(me) => (
        <DashboardLayout me={me}>
          {me.administration ? (
            <>
              <nav className="admin-nav" aria-label={t("admin.title")}>
                <NavLink to={paths.adminUsers}>{t("admin.users.title")}</NavLink>
                {me.administration.role === "firm-administrator" ? (
                  <NavLink to={paths.adminOrderForm}>{t("admin.orderForm.title")}</NavLink>
                ) : null}
                <NavLink to={paths.adminAuditLog}>{t("admin.audit.title")}</NavLink>
                <NavLink to={paths.adminFirm}>{t("admin.firm.title")}</NavLink>
              </nav>
              <PageHeading title={title} />
              {lead ? <p>{lead}</p> : null}
              {children(me)}
            </>
          ) : (
            <>
              <PageHeading title={t("admin.title")} />
              <Alert tone="info">{t("admin.notAdministrator")}</Alert>
            </>
          )}
        </DashboardLayout>
      )}
    </RequireSession>
  );
}
