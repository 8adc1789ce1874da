import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { oktaVerifyAppQueryOptions, useConfirmOktaVerify } from "./api";

/**
 * The development phone's Okta Verify app: it "scans" a set-up's QR code, and shows each account's
 * current 6-digit code (pushes arrive in the messages below).
 */
export function OktaVerifyApp() {
  const { t } = useTranslation();
  const app = useQuery(oktaVerifyAppQueryOptions());
  const confirm = useConfirmOktaVerify();
  return (
    <section aria-labelledby="dev-okta-verify">
      <h2 id="dev-okta-verify">{t("devInbox.okta.title")}</h2>
      <ErrorAlert error={app.error ?? confirm.error} />
      {app.data?.setups.length === 0 && app.data.devices.length === 0 ? (
        <p>{t("devInbox.okta.empty")}</p>
      ) : null}
      <ul className="okta-app">
        {app.data?.setups.map((setup) => (
          <li key={setup.id}>
            {t("devInbox.okta.setupWaiting", { username: setup.username })}{" "}
            <button
              type="button"
              className="button"
              disabled={confirm.isPending}
              onClick={() => confirm.mutate(setup.id)}
            >
              {t("devInbox.okta.scan", { username: setup.username })}
            </button>
          </li>
        ))}
        {app.data?.devices.map((device) => (
          <li key={device.methodId}>
            {t("devInbox.okta.account", { username: device.username, device: device.deviceName })}{" "}
            <strong className="outbox-code">{device.code}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
