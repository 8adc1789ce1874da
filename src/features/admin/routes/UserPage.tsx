import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type {
  AdminAction,
  Entitlement,
  SimpleUserAction,
  UpdateProfileRequest,
  UserDetail,
  UserStatus,
} from "@/api/contracts/admin";
import type { Me, NasdaqApplication, TraqsUsername } from "@/api/contracts/me";
import { Alert } from "@/components/ui/Alert";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { DetailsList } from "@/components/ui/DetailsList";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { useVerifiedChange } from "@/components/verification/use-verified-change";
import { paths } from "@/config/paths";
import { formatDateTime } from "@/i18n";
import { describeError } from "@/i18n/describe-error";
import { useUserChange, userQueryOptions, type UserChange } from "../api/user";
import { AdminLayout } from "../components/AdminLayout";
import { AdminStepUp } from "../components/AdminStepUp";
import { EntitlementsList } from "../components/EntitlementsField";
import { EditEntitlements } from "../components/EditEntitlements";
import { EditNasdaqApplications } from "../components/EditNasdaqApplications";
import { MobilePassSection } from "../components/MobilePassSection";
import { ProfileForm } from "../components/ProfileForm";
import { ReasonDialog } from "../components/ReasonDialog";
import { UserSecurity } from "../components/UserSecurity";

/** What the reason dialog is open for: the action, and how the reason completes its request. */
type Asking = { action: AdminAction; subject?: string; change: (reason: string) => UserChange };

/**
 * The actions that take only a reason, each for the statuses it applies to, and who may take it
 * (docs/admin-api.md): the help desk unlocks, resets methods and resends invitations; the firm's
 * administrator does all of them.
 */
const ACTIONS: readonly {
  action: SimpleUserAction;
  when: readonly UserStatus[];
  helpDesk: boolean;
}[] = [
  { action: "resendInvitation", when: ["Invited"], helpDesk: true },
  { action: "revokeInvitation", when: ["Invited"], helpDesk: false },
  { action: "unlock", when: ["Locked"], helpDesk: true },
  { action: "resetMethods", when: ["Active", "Locked"], helpDesk: true },
  { action: "sendPasswordReset", when: ["Active", "Locked"], helpDesk: false },
  { action: "signOutEverywhere", when: ["Active", "Locked"], helpDesk: false },
  { action: "revokeTokens", when: ["Active", "Locked", "Suspended"], helpDesk: false },
  { action: "suspend", when: ["Active", "Locked"], helpDesk: false },
  { action: "reactivate", when: ["Suspended"], helpDesk: false },
  { action: "deactivate", when: ["Invited", "Active", "Locked", "Suspended"], helpDesk: false },
];

/** The reason a change was sent with: asked again after a failure, it is filled in. */
const reasonOf = (change: UserChange) => ("reason" in change ? change.reason : change.body.reason);

/**
 * One user as the administrator sees them: profile, status, TRAQS usernames, entitlements,
 * security methods (masked), sessions and API refresh tokens (masked), and the actions. Every
 * action: a reason, then the administrator's own "Verify it's you", then the change, then a
 * message saying it was done.
 */
export function UserPage() {
  const { t } = useTranslation();
  const { userId = "" } = useParams();
  const user = useQuery(userQueryOptions(userId));
  const act = useUserChange(userId);
  const [asking, setAsking] = useState<Asking | null>(null);
  // What was being edited stays here while "Verify it's you" takes the screen, and after a failure.
  const [entitlementsDraft, setEntitlementsDraft] = useState<Entitlement[] | null>(null);
  const [profileDraft, setProfileDraft] = useState<UpdateProfileRequest | null>(null);
  const [nasdaqDraft, setNasdaqDraft] = useState<NasdaqApplication[] | null>(null);
  const change = useVerifiedChange((pending: UserChange, end) => {
    end();
    act.mutate(pending, {
      onSuccess: () => {
        if (pending.action === "editEntitlements") setEntitlementsDraft(null);
        if (pending.action === "updateProfile") setProfileDraft(null);
        if (pending.action === "editNasdaqApplications") setNasdaqDraft(null);
      },
    });
  });

  if (change.stage === "verify" && change.change)
    return (
      <AdminStepUp
        change={{ action: change.change.action, target: userId }}
        onVerified={change.verified}
        onCancel={change.end}
      />
    );

  const data = user.data;
  const name = data ? `${data.firstName} ${data.lastName}` : "";
  const failed = act.isError ? act.variables : undefined;
  const ask = (next: Asking) => {
    act.reset();
    setAsking(next);
  };

  return (
    <AdminLayout title={data ? name : t("admin.user.title")}>
      {(me) => (
        <>
          <p>
            <Link to={paths.adminUsers}>{t("admin.user.back")}</Link>
          </p>
          <ErrorAlert error={user.error} />
          {act.isPending ? <p role="status">{t("common.working")}</p> : null}
          {act.isSuccess ? (
            <Alert tone="success">{t(`admin.done.${act.variables.action}`, { name })}</Alert>
          ) : null}
          {failed ? (
            <Alert tone="error">
              {t("admin.failed", { action: t(`admin.actions.${failed.action}`) })}{" "}
              {describeError(t, act.error)}
            </Alert>
          ) : null}
          {data ? (
            <>
              <UserSections
                me={me}
                user={data}
                busy={act.isPending}
                entitlementsDraft={entitlementsDraft}
                onEditEntitlements={setEntitlementsDraft}
                profileDraft={profileDraft}
                onEditProfile={setProfileDraft}
                profileError={failed?.action === "updateProfile" ? act.error : null}
                ask={ask}
              />
              <MobilePassSection
                userId={userId}
                busy={act.isPending}
                onAction={(action) => ask({ action, change: (reason) => ({ action, reason }) })}
              >
                {/* Part of the Order Form: the firm's administrator's, as the entitlements are. */}
                {me.administration?.role !== "help-desk" && data.status !== "Deactivated" ? (
                  <EditNasdaqApplications
                    current={data.nasdaqApplications}
                    draft={nasdaqDraft}
                    busy={act.isPending}
                    onEdit={setNasdaqDraft}
                    onSubmit={(nasdaqApplications) =>
                      ask({
                        action: "editNasdaqApplications",
                        change: (reason) => ({
                          action: "editNasdaqApplications",
                          body: { nasdaqApplications, reason },
                        }),
                      })
                    }
                  />
                ) : null}
              </MobilePassSection>
            </>
          ) : user.isPending ? (
            <p role="status">{t("common.loading")}</p>
          ) : null}
          {asking ? (
            <ReasonDialog
              title={t(`admin.actions.${asking.action}`)}
              question={t(`admin.confirm.${asking.action}`, { name, subject: asking.subject })}
              reason={failed?.action === asking.action ? reasonOf(failed) : undefined}
              onReason={(reason) => {
                setAsking(null);
                change.verify(asking.change(reason));
              }}
              onCancel={() => setAsking(null)}
            />
          ) : null}
        </>
      )}
    </AdminLayout>
  );
}

function UserSections(props: {
  me: Me;
  user: UserDetail;
  busy: boolean;
  entitlementsDraft: Entitlement[] | null;
  onEditEntitlements: (draft: Entitlement[] | null) => void;
  profileDraft: UpdateProfileRequest | null;
  onEditProfile: (draft: UpdateProfileRequest | null) => void;
  profileError: unknown;
  ask: (asking: Asking) => void;
}) {
  const { t } = useTranslation();
  const { user, ask } = props;
  const helpDesk = props.me.administration?.role === "help-desk";
  const firmAdministrator = !helpDesk;
  const actions = ACTIONS.filter(
    (entry) => entry.when.includes(user.status) && (firmAdministrator || entry.helpDesk),
  );
  const date = (iso: string | null) => (iso ? formatDateTime(iso) : t("admin.never"));
  const profile: [string, string][] = [
    [t("account.firstName"), user.firstName],
    [t("account.lastName"), user.lastName],
    [t("account.oktaUsername"), user.login],
    [t("account.primaryEmail"), user.email],
    [t("admin.users.firm"), user.firm.name],
    [t("admin.users.status"), t(`admin.status.${user.status}`)],
    [
      t("admin.user.role"),
      t(user.administrator ? "admin.user.firmAdministrator" : "admin.user.user"),
    ],
    [t("admin.users.lastSignIn"), date(user.lastSignInAt)],
  ];
  if (user.invitation)
    profile.push([
      t("admin.user.invitation"),
      t(user.invitation.expired ? "admin.user.invitationExpired" : "admin.user.invitationSent", {
        sent: formatDateTime(user.invitation.sentAt),
        expires: formatDateTime(user.invitation.expiresAt),
      }),
    ]);
  if (user.lockedUntil)
    profile.push([t("admin.user.lockedUntil"), formatDateTime(user.lockedUntil)]);

  const traqsColumns: Column<TraqsUsername>[] = [
    { header: t("admin.user.traqsUsername"), cell: ({ username }) => username },
    {
      header: t("admin.users.status"),
      cell: ({ active }) => t(active ? "admin.user.active" : "admin.user.inactive"),
    },
  ];
  if (firmAdministrator)
    traqsColumns.push({
      header: t("admin.user.actions"),
      headerHidden: true,
      cell: ({ username, active }) => {
        const label = t(active ? "admin.user.setInactiveLabel" : "admin.user.setActiveLabel", {
          username,
        });
        return (
          <button
            type="button"
            className="button"
            disabled={props.busy}
            aria-label={label}
            onClick={() =>
              ask({
                action: "setTraqsUsername",
                subject: label,
                change: (reason) => ({
                  action: "setTraqsUsername",
                  username,
                  body: { active: !active, reason },
                }),
              })
            }
          >
            {t(active ? "admin.user.setInactive" : "admin.user.setActive")}
          </button>
        );
      },
    });

  return (
    <>
      <section className="panel" aria-labelledby="admin-profile">
        <h2 id="admin-profile">{t("admin.user.profile")}</h2>
        <DetailsList rows={profile} />
        {helpDesk ? (
          <ProfileForm
            user={user}
            draft={props.profileDraft}
            error={props.profileError}
            busy={props.busy}
            onEdit={props.onEditProfile}
            onSubmit={(values) =>
              ask({
                action: "updateProfile",
                change: (reason) => ({ action: "updateProfile", body: { ...values, reason } }),
              })
            }
          />
        ) : null}
      </section>

      <section className="panel" aria-labelledby="admin-actions">
        <h2 id="admin-actions">{t("admin.user.actions")}</h2>
        {actions.length || firmAdministrator ? (
          <div className="admin-actions">
            {actions.map(({ action }) => (
              <button
                key={action}
                type="button"
                className={
                  action === "deactivate" || action === "suspend" ? "button danger" : "button"
                }
                disabled={props.busy}
                onClick={() => ask({ action, change: (reason) => ({ action, reason }) })}
              >
                {t(`admin.actions.${action}`)}
              </button>
            ))}
            {firmAdministrator && user.status === "Active" ? (
              <button
                type="button"
                className="button"
                disabled={props.busy}
                onClick={() =>
                  ask({
                    action: "setAdministrator",
                    subject: t(
                      user.administrator ? "admin.user.removeRole" : "admin.user.giveRole",
                    ),
                    change: (reason) => ({
                      action: "setAdministrator",
                      body: { administrator: !user.administrator, reason },
                    }),
                  })
                }
              >
                {t(user.administrator ? "admin.user.removeRole" : "admin.user.giveRole")}
              </button>
            ) : null}
          </div>
        ) : (
          <p>{t("admin.user.noActions")}</p>
        )}
      </section>

      <section className="panel" aria-labelledby="admin-traqs">
        <h2 id="admin-traqs">{t("admin.users.traqsUsernames")}</h2>
        <DataTable
          columns={traqsColumns}
          rows={user.traqsUsernames}
          rowKey={({ username }) => username}
          empty={t("admin.user.noTraqsUsernames")}
        />
      </section>

      <section className="panel" aria-labelledby="admin-entitlements">
        <h2 id="admin-entitlements">{t("admin.entitlements.title")}</h2>
        <EntitlementsList entitlements={user.entitlements} />
        {firmAdministrator && user.status !== "Deactivated" ? (
          <EditEntitlements
            current={user.entitlements}
            draft={props.entitlementsDraft}
            busy={props.busy}
            onEdit={props.onEditEntitlements}
            onSubmit={(entitlements) =>
              ask({
                action: "editEntitlements",
                change: (reason) => ({
                  action: "editEntitlements",
                  body: { entitlements, reason },
                }),
              })
            }
          />
        ) : null}
        {user.orderForms.length ? (
          <>
            <h3>{t("admin.entitlements.history")}</h3>
            <ul>
              {user.orderForms.map((entry) => (
                <li key={entry.at}>
                  {t("admin.entitlements.entry", { at: formatDateTime(entry.at), by: entry.by })}
                  <EntitlementsList entitlements={entry.entitlements} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <UserSecurity user={user} />
    </>
  );
}
