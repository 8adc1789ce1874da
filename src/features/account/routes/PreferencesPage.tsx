import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "@/api/contracts/me";
import type { Preferences } from "@/api/contracts/account";
import { Alert } from "@/components/Alert";
import { DashboardLayout } from "@/components/DashboardLayout";
import { ErrorAlert } from "@/components/ErrorAlert";
import { PageHeading } from "@/components/PageHeading";
import { RequireSession } from "@/components/RequireSession";
import { preferencesQueryOptions, useSavePreferences } from "../api/account";

const TIMERS = [3, 5, 8, 15, 30, 60];

/** Preferences (user menu): the layout and the pop-up message timer. */
export function PreferencesPage() {
  return <RequireSession>{(me) => <PreferencesScreen me={me} />}</RequireSession>;
}

function PreferencesScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const preferences = useQuery(preferencesQueryOptions());
  return (
    <DashboardLayout me={me}>
      <PageHeading title={t("preferences.title")} />
      <ErrorAlert error={preferences.error} />
      {preferences.data ? (
        <PreferencesForm initial={preferences.data} />
      ) : (
        <p role="status">{t("common.loading")}</p>
      )}
    </DashboardLayout>
  );
}

function PreferencesForm({ initial }: { initial: Preferences }) {
  const { t } = useTranslation();
  const save = useSavePreferences();
  const [values, setValues] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(values);
  };
  return (
    <form className="panel" onSubmit={submit}>
      {save.isSuccess ? <Alert tone="success">{t("preferences.saved")}</Alert> : null}
      <ErrorAlert error={save.error} />
      <fieldset className="radio-group">
        <legend>{t("preferences.layout")}</legend>
        {(["comfortable", "compact"] as const).map((layout) => (
          <label key={layout}>
            <input
              type="radio"
              name="layout"
              checked={values.layout === layout}
              onChange={() => setValues({ ...values, layout })}
            />
            {t(`preferences.layouts.${layout}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="message-timer">{t("preferences.timer")}</label>
        <select
          id="message-timer"
          value={values.messageSeconds}
          onChange={(e) => setValues({ ...values, messageSeconds: Number(e.target.value) })}
        >
          {TIMERS.map((seconds) => (
            <option key={seconds} value={seconds}>
              {t("preferences.seconds", { count: seconds })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? t("common.working") : t("common.save")}
      </button>
    </form>
  );
}
