import { useTranslation } from "react-i18next";
import type { AdminMethod, UserDetail } from "@/api/contracts/admin";
import { DataTable } from "@/components/ui/DataTable";
import { DetailsList } from "@/components/ui/DetailsList";
import { formatDateTime } from "@/i18n";

const METHOD_NAME: Record<AdminMethod["type"], string> = {
  google_authenticator: "methods.googleAuthenticator",
  okta_verify: "methods.oktaVerify",
  phone: "methods.phone",
  passkey: "methods.passkey",
};

/** A method's detail as the administrator may see it: a masked number, a device or a name. */
function methodDetail(method: AdminMethod, t: (key: string) => string): string {
  if (method.maskedPhone)
    return method.channel
      ? `${method.maskedPhone} (${t(`admin.channels.${method.channel}`)})`
      : method.maskedPhone;
  return method.deviceName ?? method.name ?? "";
}

/**
 * The user's security methods by type (masked: never a key, a full number or a credential), their
 * sessions, and their API refresh tokens (the last 4 characters only).
 */
export function UserSecurity({ user }: { user: UserDetail }) {
  const { t } = useTranslation();
  const yesNo = (set: boolean) => t(set ? "admin.user.set" : "admin.user.notSet");
  return (
    <>
      <section className="panel" aria-labelledby="admin-methods">
        <h2 id="admin-methods">{t("admin.user.methods")}</h2>
        <DetailsList
          rows={[
            [t("methods.password"), yesNo(user.passwordSet)],
            [t("methods.securityQuestion"), yesNo(user.securityQuestionSet)],
            [t("methods.recoveryCodes"), yesNo(user.recoveryCodesSet)],
          ]}
        />
        <DataTable
          columns={[
            { header: t("admin.user.method"), cell: (method) => t(METHOD_NAME[method.type]) },
            { header: t("admin.user.methodDetail"), cell: (method) => methodDetail(method, t) },
            { header: t("admin.user.added"), cell: (method) => formatDateTime(method.createdAt) },
          ]}
          rows={user.methods}
          rowKey={(method, index) => `${method.type}-${index}`}
          empty={t("admin.user.noMethods")}
          caption={t("admin.user.methods")}
        />
      </section>

      <section className="panel" aria-labelledby="admin-sessions">
        <h2 id="admin-sessions">{t("admin.user.sessions")}</h2>
        <DataTable
          columns={[
            {
              header: t("admin.user.started"),
              cell: (session) => formatDateTime(session.startedAt),
            },
            {
              header: t("admin.user.lastSeen"),
              cell: (session) => formatDateTime(session.lastSeenAt),
            },
            { header: t("activity.client"), cell: (session) => session.client },
          ]}
          rows={user.sessions}
          rowKey={(session) => session.startedAt}
          empty={t("admin.user.noSessions")}
        />
      </section>

      <section className="panel" aria-labelledby="admin-tokens">
        <h2 id="admin-tokens">{t("admin.user.tokens")}</h2>
        <DataTable
          columns={[
            {
              header: t("api.programmatic.refreshToken"),
              cell: (token) => <code>{`••••••••${token.last4}`}</code>,
            },
            {
              header: t("api.programmatic.isActive"),
              cell: (token) =>
                t(token.isActive ? "api.programmatic.true" : "api.programmatic.false"),
            },
            {
              header: t("api.programmatic.requested"),
              cell: (token) => formatDateTime(token.requestedAt),
            },
            {
              header: t("api.programmatic.expiration"),
              cell: (token) => formatDateTime(token.expiresAt),
            },
            {
              header: t("api.programmatic.revokedDate"),
              cell: (token) => (token.revokedAt ? formatDateTime(token.revokedAt) : ""),
            },
          ]}
          rows={user.refreshTokens}
          rowKey={(token) => token.requestedAt}
          empty={t("admin.user.noTokens")}
        />
      </section>
    </>
  );
}
