import { useState } from "react";
import { useTranslation } from "react-i18next";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { SetLanguageRequest, type AccountState } from "@/api/contracts/account";
import { LANGUAGES, type Language } from "@/api/contracts/me";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { SelectField } from "@/components/ui/SelectField";
import { setLanguage } from "@/i18n";
import { useSetLanguage } from "../api/account";

/** Settings' Display Language: the language the app and its emails use. */
export function DisplayLanguage({ account }: { account: AccountState }) {
  const { t, i18n } = useTranslation();
  const save = useSetLanguage();
  const [editing, setEditing] = useState(false);
  const current = (account.language ?? i18n.language) as Language;
  const form = useForm<{ language: Language }>({
    resolver: zodResolver(SetLanguageRequest),
    defaultValues: { language: current },
  });
  const names = new Intl.DisplayNames([i18n.language], { type: "language" });
  const nameOf = (code: Language) =>
    new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code;

  return (
    <section className="panel" aria-labelledby="display-language">
      <h2 id="display-language">{t("account.displayLanguage")}</h2>
      {editing ? (
        <form
          className="inline-form"
          onSubmit={form.handleSubmit(({ language }) =>
            save.mutate(language, {
              onSuccess: () => {
                setEditing(false);
                void setLanguage(language);
              },
            }),
          )}
        >
          <SelectField
            inline
            label={t("account.language")}
            error={form.formState.errors.language?.message}
            {...form.register("language")}
          >
            {LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {nameOf(code)}
              </option>
            ))}
          </SelectField>
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
