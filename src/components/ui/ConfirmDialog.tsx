import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/**
 * Opens a `<dialog>` as modal while it is shown. The page removes the dialog when it is answered,
 * so the browser cannot return focus itself: it goes back to the button that opened it (WCAG
 * 2.4.3), unless the answer moved it on.
 */
export function useModalDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element?.showModal();
    return () => {
      const focusWasInside =
        !document.activeElement ||
        document.activeElement === document.body ||
        element?.contains(document.activeElement);
      element?.close();
      if (focusWasInside && opener?.isConnected) opener.focus();
    };
  }, []);
  return dialog;
}

/** "Are you sure you want to …?" with Yes / No, as a modal dialog. */
export function ConfirmDialog(props: {
  title: string;
  question: string;
  onYes: () => void;
  onNo: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useModalDialog();
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
