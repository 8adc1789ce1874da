import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { TextField } from "@/components/ui/TextField";
import { mobilePassAppQueryOptions, useAddToMobilePass } from "./api";

/**
 * The development phone's SafeNet MobilePASS app: it takes a token's activation string (as typed
 * from the enrollment screen) and shows each token's current passcode.
 */
export function MobilePassApp() {
  const { t } = useTranslation();
  const app = useQuery(mobilePassAppQueryOptions());
  const add = useAddToMobilePass();
  const [activation, setActivation] = useState("");
  return (
    <section aria-labelledby="dev-mobilepass">
      <h2 id="dev-mobilepass">{t("devInbox.mobilePass.title")}</h2>
      <ErrorAlert error={app.error ?? add.error} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate(activation, { onSuccess: () => setActivation("") });
        }}
      >
        <TextField
          label={t("devInbox.mobilePass.activationString")}
          autoComplete="off"
          spellCheck={false}
          value={activation}
          onChange={(event) => setActivation(event.target.value)}
        />
        <button type="submit" className="button" disabled={add.isPending || !activation.trim()}>
          {t("devInbox.mobilePass.add")}
        </button>
      </form>
      {app.data?.tokens.length === 0 ? <p>{t("devInbox.mobilePass.empty")}</p> : null}
      <ul className="okta-app">
        {app.data?.tokens.map((token) => (
          <li key={token.serial}>
            {t("devInbox.mobilePass.token", { username: token.username, serial: token.serial })}{" "}
            <strong className="outbox-code">{token.passcode}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
