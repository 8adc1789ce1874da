import { useTranslation } from "react-i18next";

/** An edit form's buttons on a user's page: its submit (busy while a change is sent) and Cancel. */
export function FormActions(props: { submit: string; busy: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="admin-actions">
      <button type="submit" className="button primary-inline" disabled={props.busy}>
        {props.submit}
      </button>
      <button type="button" className="button" onClick={props.onCancel}>
        {t("common.cancel")}
      </button>
    </div>
  );
}
