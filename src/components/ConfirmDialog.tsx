import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/** "Are you sure you want to …?" with Yes / No, as a modal dialog. */
export function ConfirmDialog(props: {
  title: string;
  question: string;
  onYes: () => void;
  onNo: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="confirm-title" onCancel={props.onNo}>
      <h2 id="confirm-title">{props.title}</h2>
      <p>{props.question}</p>
      <div className="dialog-actions">
        <button type="button" className="button primary-inline" onClick={props.onYes}>
          {t("common.yes")}
        </button>
        <button type="button" className="button" onClick={props.onNo}>
          {t("common.no")}
        </button>
      </div>
    </dialog>
  );
}
