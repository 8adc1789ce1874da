import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AccountState } from "@/api/contracts/account";
import { LANGUAGES, type Language } from "@/api/contracts/me";
import { ErrorAlert } from "@/components/ErrorAlert";
import { setLanguage } from "@/i18n";
import { useSetLanguage } from "../api/account";

/** Settings' Display Language: the language the app and its emails use. */
export function DisplayLanguage({ account }: { account: AccountState }) {
  const { t, i18n } = useTranslation();
  const save = useSetLanguage();
  const [editing, setEditing] = useState(false);
  const current = (account.language ?? i18n.language) as Language;
  const [choice, setChoice] = useState<Language>(current);
  const names = new Intl.DisplayNames([i18n.language], { type: "language" });
  const nameOf = (code: Language) =>
    new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code;

  return (
    <section className="panel" aria-labelledby="display-language">
      <h2 id="display-language">{t("account.displayLanguage")}</h2>
      {editing ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(choice, {
              onSuccess: () => {
                setEditing(false);
                void setLanguage(choice);
              },
            });
          }}
        >
          <label htmlFor="language">{t("account.language")}</label>
          <select
            id="language"
            value={choice}
            onChange={(e) => setChoice(e.target.value as Language)}
          >
            {LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {nameOf(code)}
              </option>
            ))}
          </select>
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? t("common.working") : t("common.save")}
          </button>
          <button type="button" className="link-button" onClick={() => setEditing(false)}>
            {t("common.cancel")}
          </button>
        </form>
      ) : (
        <p className="inline-form">
          <span>
            {t("account.language")}: <strong>{names.of(current) ?? current}</strong>
          </span>
          <button
            type="button"
            className="button"
            aria-label={t("account.editLanguage")}
            onClick={() => setEditing(true)}
          >
            {t("common.edit")}
          </button>
        </p>
      )}
      <ErrorAlert error={save.error} />
      <p className="field-hint">{t("account.languageNote")}</p>
    </section>
  );
}
