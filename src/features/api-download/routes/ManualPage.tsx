import { useQuery } from "@tanstack/react-query";
import type { ChangeEvent } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { ApiCatalog, DownloadAction } from "@/api/contracts/api-download";
import { Alert } from "@/components/ui/Alert";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { PageHeading } from "@/components/ui/PageHeading";
import { SelectField } from "@/components/ui/SelectField";
import { TraqsLayout } from "@/components/layouts/TraqsLayout";
import { catalogQueryOptions, useDownloadFile } from "../api";

/** The download's fields; the request takes Day only where it applies. */
type DownloadFields = { action: DownloadAction; facility: string; file: string; day: string };

/** API / Download / Manual (guide Section 4): Action, Facility, File, Day, then Download. */
export function ManualPage() {
  const { t } = useTranslation();
  const catalog = useQuery(catalogQueryOptions());
  return (
    <TraqsLayout title={t("api.manual.title")}>
      {() => (
        <>
          <PageHeading title={t("api.manual.title")} />
          <ErrorAlert error={catalog.error} />
          {catalog.data ? (
            catalog.data.apiAccess ? (
              <DownloadForm catalog={catalog.data} />
            ) : (
              <Alert tone="info">{t("api.noAccess")}</Alert>
            )
          ) : catalog.isPending ? (
            <p role="status">{t("common.loading")}</p>
          ) : null}
        </>
      )}
    </TraqsLayout>
  );
}

function DownloadForm({ catalog }: { catalog: ApiCatalog }) {
  const { t } = useTranslation();
  const download = useDownloadFile();
  const firstEntitled = catalog.facilities.find((f) => f.entitled) ?? catalog.facilities[0];
  const form = useForm<DownloadFields>({
    defaultValues: {
      action: "download",
      facility: firstEntitled?.id ?? "",
      file: firstEntitled?.files[0]?.id ?? "",
      day: catalog.today,
    },
  });
  const [action, facilityId, fileId] = useWatch({
    control: form.control,
    name: ["action", "facility", "file"],
  });
  const facility = catalog.facilities.find((f) => f.id === facilityId);
  const file = facility?.files.find((f) => f.id === fileId);
  // Guide: Day is for Daily List requests with Action "Download" only, never with "Delta".
  const dayApplies = Boolean(file?.daily) && action === "download";

  const submit = form.handleSubmit(({ day }) => {
    if (!facility || !file) return;
    download.mutate({ action, facility: facility.id, file: file.id, day: dayApplies ? day : null });
  });

  return (
    <form className="panel download-form" onSubmit={submit}>
      {/* The guide's one row, "Action: Facility: File: Day:", with its notes below. */}
      <div className="download-fields">
        <SelectField
          label={t("api.manual.action")}
          describedBy="api-action-hint"
          {...form.register("action")}
        >
          <option value="download">{t("api.manual.download")}</option>
          <option value="delta">{t("api.manual.delta")}</option>
        </SelectField>
        <SelectField
          label={t("api.manual.facility")}
          describedBy="api-facility-hint"
          {...form.register("facility", {
            // Another facility's list of files starts on its first file.
            onChange: (e: ChangeEvent<HTMLSelectElement>) =>
              form.setValue(
                "file",
                catalog.facilities.find((f) => f.id === e.target.value)?.files[0]?.id ?? "",
              ),
          })}
        >
          {catalog.facilities.map((f) => (
            <option key={f.id} value={f.id} disabled={!f.entitled}>
              {f.entitled ? f.name : t("api.manual.notAuthorized", { facility: f.name })}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("api.manual.file")} {...form.register("file")}>
          {facility?.files.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <label htmlFor="api-day">{t("api.manual.day")}</label>
          {/* Not available: no date shown, so the field does not look like one that is used. */}
          <Controller
            control={form.control}
            name="day"
            render={({ field }) => (
              <input
                id="api-day"
                type="date"
                {...field}
                value={dayApplies ? field.value : ""}
                max={catalog.today}
                disabled={!dayApplies}
                aria-describedby="api-day-hint"
              />
            )}
          />
        </div>
      </div>
      <p className="field-hint" id="api-action-hint">
        {t(action === "download" ? "api.manual.downloadHint" : "api.manual.deltaHint")}
      </p>
      <p className="field-hint" id="api-facility-hint">
        {t("api.manual.facilityNote")}
      </p>
      <p className="field-hint" id="api-day-hint">
        {t("api.manual.dayNote")}
      </p>
      <button type="submit" className="button" disabled={download.isPending || !file}>
        {t("api.manual.submit")}
      </button>
      <div role="status" className="download-status">
        {download.isPending ? <strong>{t("api.manual.sent")}</strong> : null}
        {download.isSuccess ? (
          <>
            <strong>{t("api.manual.complete")}</strong>{" "}
            {t("api.manual.savedAs", { file: download.data })}
          </>
        ) : null}
      </div>
      <ErrorAlert error={download.error} />
    </form>
  );
}
