import { useQuery } from "@tanstack/react-query";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { Me } from "@/api/contracts/me";
import { Preferences } from "@/api/contracts/account";
import { Alert } from "@/components/ui/Alert";
import { DashboardLayout, dashboardLoading } from "@/components/layouts/DashboardLayout";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { PageHeading } from "@/components/ui/PageHeading";
import { RadioGroupField } from "@/components/ui/RadioGroupField";
import { SelectField } from "@/components/ui/SelectField";
import { RequireSession } from "@/components/layouts/RequireSession";
import { preferencesQueryOptions, useSavePreferences } from "../api/account";

const TIMERS = [3, 5, 8, 15, 30, 60];
const LAYOUTS = Preferences.shape.layout.options;

/** Preferences (user menu): the layout and the pop-up message timer. */
export function PreferencesPage() {
  const { t } = useTranslation();
  return (
    <RequireSession whileLoading={dashboardLoading(t("preferences.title"))}>
      {(me) => <PreferencesScreen me={me} />}
    </RequireSession>
  );
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
  const form = useForm<Preferences>({ resolver: zodResolver(Preferences), defaultValues: initial });
  const errors = form.formState.errors;
  return (
    <form className="panel" onSubmit={form.handleSubmit((values) => save.mutate(values))}>
      {save.isSuccess ? <Alert tone="success">{t("preferences.saved")}</Alert> : null}
      <ErrorAlert error={save.error} />
      <RadioGroupField
        legend={t("preferences.layout")}
        options={LAYOUTS.map((layout) => ({
          value: layout,
          label: t(`preferences.layouts.${layout}`),
        }))}
        error={errors.layout?.message}
        {...form.register("layout")}
      />
      <SelectField
        label={t("preferences.timer")}
        error={errors.messageSeconds?.message}
        {...form.register("messageSeconds", { valueAsNumber: true })}
      >
        {TIMERS.map((seconds) => (
          <option key={seconds} value={seconds}>
            {t("preferences.seconds", { count: seconds })}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? t("common.working") : t("common.save")}
      </button>
    </form>
  );
}
