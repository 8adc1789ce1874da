import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { TextField } from "@/components/ui/TextField";
import { useHydrated } from "@/components/ui/use-hydrated";
import { mobilePassAppQueryOptions, useAddToMobilePass } from "./api";

/**
 * The development phone's SafeNet MobilePASS app: it takes a token's activation string (as typed
 * from the enrollment screen) and shows each token's current passcode.
 */
export function MobilePassApp() {
  const { t } = useTranslation();
  const app = useQuery(mobilePassAppQueryOptions());
  const add = useAddToMobilePass();
  const hydrated = useHydrated();
  return (
    <section aria-labelledby="dev-mobilepass">
      <h2 id="dev-mobilepass">{t("devInbox.mobilePass.title")}</h2>
      <ErrorAlert error={app.error ?? add.error} />
      {/* The field is the browser's own (read on submit): the page is prerendered, and a string
          typed before the app ran would be wiped by the first render of a field held in state. */}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const activation = String(new FormData(form).get("activation") ?? "").trim();
          if (activation) add.mutate(activation, { onSuccess: () => form.reset() });
        }}
      >
        <TextField
          label={t("devInbox.mobilePass.activationString")}
          name="activation"
          required
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="button" disabled={!hydrated || add.isPending}>
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
