import { useTranslation } from "react-i18next";
import { ENVIRONMENTS, FACILITIES, type Entitlement, type Facility } from "@/api/contracts/admin";
import { NASDAQ_APPLICATIONS, type NasdaqApplication } from "@/api/contracts/me";
import { NASDAQ_APPLICATION_NAMES } from "@/api/contracts/nasdaq";

/** A facility as the guide and the notice write it: "TRACE – CA" for TRACE-CA. */
export const facilityName = (facility: Facility) => facility.replace("-", " – ");

const has = (entitlements: readonly Entitlement[], wanted: Entitlement) =>
  entitlements.some((e) => e.facility === wanted.facility && e.environment === wanted.environment);

/**
 * API entitlement per facility and per environment (the notice): one group of check boxes for
 * each environment, one box per facility.
 */
export function EntitlementsField(props: {
  value: readonly Entitlement[];
  onChange: (entitlements: Entitlement[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const toggle = (entitlement: Entitlement, on: boolean) =>
    props.onChange(
      on
        ? [...props.value, entitlement]
        : props.value.filter(
            (e) => e.facility !== entitlement.facility || e.environment !== entitlement.environment,
          ),
    );
  return (
    <fieldset className="entitlements">
      <legend>{t("admin.entitlements.legend")}</legend>
      <p className="field-hint">{t("admin.entitlements.hint")}</p>
      {ENVIRONMENTS.map((environment) => (
        <fieldset key={environment} className="entitlements">
          <legend>{t(`admin.environments.${environment}`)}</legend>
          <div className="entitlement-grid">
            {FACILITIES.map((facility) => (
              <label key={facility}>
                <input
                  type="checkbox"
                  checked={has(props.value, { facility, environment })}
                  onChange={(event) => toggle({ facility, environment }, event.target.checked)}
                />
                {facilityName(facility)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {props.error ? <p className="field-error">{t(props.error)}</p> : null}
    </fieldset>
  );
}

/** The entitlements as a short list: "NTF: TRACE – CA, TRF". */
export function EntitlementsList({ entitlements }: { entitlements: readonly Entitlement[] }) {
  const { t } = useTranslation();
  if (entitlements.length === 0) return <p>{t("admin.entitlements.none")}</p>;
  return (
    <ul>
      {ENVIRONMENTS.map((environment) => {
        const facilities = FACILITIES.filter((facility) =>
          has(entitlements, { facility, environment }),
        );
        return facilities.length ? (
          <li key={environment}>
            {t(`admin.environments.${environment}`)}: {facilities.map(facilityName).join(", ")}
          </li>
        ) : null;
      })}
    </ul>
  );
}

/** The Nasdaq web applications the user may sign in to with a MobilePASS token: one box each. */
export function NasdaqApplicationsField(props: {
  value: readonly NasdaqApplication[];
  onChange: (applications: NasdaqApplication[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="entitlements">
      <legend>{t("admin.entitlements.nasdaqLegend")}</legend>
      <p className="field-hint">{t("admin.entitlements.nasdaqHint")}</p>
      <div className="entitlement-grid">
        {NASDAQ_APPLICATIONS.map((application) => (
          <label key={application}>
            <input
              type="checkbox"
              checked={props.value.includes(application)}
              onChange={(event) =>
                props.onChange(
                  NASDAQ_APPLICATIONS.filter((a) =>
                    a === application ? event.target.checked : props.value.includes(a),
                  ),
                )
              }
            />
            {NASDAQ_APPLICATION_NAMES[application]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
