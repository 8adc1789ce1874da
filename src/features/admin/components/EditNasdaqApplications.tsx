import { useTranslation } from "react-i18next";
import type { NasdaqApplication } from "@/api/contracts/me";
import { NasdaqApplicationsField } from "./EntitlementsField";
import { FormActions } from "./FormActions";

/**
 * Edit the user's Nasdaq applications (the Order Form's boxes). Its draft is the page's, so that
 * it outlives "Verify it's you" and a failed request; null while not editing.
 */
export function EditNasdaqApplications(props: {
  current: readonly NasdaqApplication[];
  draft: NasdaqApplication[] | null;
  busy: boolean;
  onEdit: (draft: NasdaqApplication[] | null) => void;
  onSubmit: (applications: NasdaqApplication[]) => void;
}) {
  const { t } = useTranslation();
  const { draft } = props;
  if (!draft)
    return (
      <div className="admin-actions">
        <button type="button" className="button" onClick={() => props.onEdit([...props.current])}>
          {t("admin.actions.editNasdaqApplications")}
        </button>
      </div>
    );
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit(draft);
      }}
    >
      <NasdaqApplicationsField value={draft} onChange={props.onEdit} />
      {props.current.length > 0 && draft.length === 0 ? (
        <p className="field-hint">{t("admin.mobilePass.lastApplication")}</p>
      ) : null}
      <FormActions
        submit={t("admin.entitlements.submit")}
        busy={props.busy}
        onCancel={() => props.onEdit(null)}
      />
    </form>
  );
}
