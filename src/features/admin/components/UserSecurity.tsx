import { useTranslation } from "react-i18next";
import type { AdminMethod, UserDetail } from "@/api/contracts/admin";
import { formatDateTime } from "@/i18n";
import { DetailsList } from "@/components/ui/DetailsList";

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
        <table className="activity">
          <caption className="visually-hidden">{t("admin.user.methods")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.user.method")}</th>
              <th scope="col">{t("admin.user.methodDetail")}</th>
              <th scope="col">{t("admin.user.added")}</th>
            </tr>
          </thead>
          <tbody>
            {user.methods.length === 0 ? (
              <tr>
                <td colSpan={3}>{t("admin.user.noMethods")}</td>
              </tr>
            ) : (
              user.methods.map((method, index) => (
                <tr key={`${method.type}-${index}`}>
                  <td data-label={t("admin.user.method")}>{t(METHOD_NAME[method.type])}</td>
                  <td data-label={t("admin.user.methodDetail")}>{methodDetail(method, t)}</td>
                  <td data-label={t("admin.user.added")}>{formatDateTime(method.createdAt)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>

      <section className="panel" aria-labelledby="admin-sessions">
        <h2 id="admin-sessions">{t("admin.user.sessions")}</h2>
        <table className="activity">
          <thead>
            <tr>
              <th scope="col">{t("admin.user.started")}</th>
              <th scope="col">{t("admin.user.lastSeen")}</th>
              <th scope="col">{t("activity.client")}</th>
            </tr>
          </thead>
          <tbody>
            {user.sessions.length === 0 ? (
              <tr>
                <td colSpan={3}>{t("admin.user.noSessions")}</td>
              </tr>
            ) : (
              user.sessions.map((session) => (
                <tr key={session.startedAt}>
                  <td data-label={t("admin.user.started")}>{formatDateTime(session.startedAt)}</td>
                  <td data-label={t("admin.user.lastSeen")}>
                    {formatDateTime(session.lastSeenAt)}
                  </td>
                  <td data-label={t("activity.client")}>{session.client}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>

      <section className="panel" aria-labelledby="admin-tokens">
        <h2 id="admin-tokens">{t("admin.user.tokens")}</h2>
        <table className="activity">
          <thead>
            <tr>
              <th scope="col">{t("api.programmatic.refreshToken")}</th>
              <th scope="col">{t("api.programmatic.isActive")}</th>
              <th scope="col">{t("api.programmatic.requested")}</th>
              <th scope="col">{t("api.programmatic.expiration")}</th>
              <th scope="col">{t("api.programmatic.revokedDate")}</th>
            </tr>
          </thead>
          <tbody>
            {user.refreshTokens.length === 0 ? (
              <tr>
                <td colSpan={5}>{t("admin.user.noTokens")}</td>
              </tr>
            ) : (
              user.refreshTokens.map((token) => (
                <tr key={token.requestedAt}>
                  <td data-label={t("api.programmatic.refreshToken")}>
                    <code>{`••••••••${token.last4}`}</code>
                  </td>
                  <td data-label={t("api.programmatic.isActive")}>
                    {t(token.isActive ? "api.programmatic.true" : "api.programmatic.false")}
                  </td>
                  <td data-label={t("api.programmatic.requested")}>
                    {formatDateTime(token.requestedAt)}
                  </td>
                  <td data-label={t("api.programmatic.expiration")}>
                    {formatDateTime(token.expiresAt)}
                  </td>
                  <td data-label={t("api.programmatic.revokedDate")}>
                    {token.revokedAt ? formatDateTime(token.revokedAt) : ""}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>
    </>
  );
}
