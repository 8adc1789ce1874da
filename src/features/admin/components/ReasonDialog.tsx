import { zodResolver } from "@hookform/resolvers/zod";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useModalDialog } from "@/components/ui/ConfirmDialog";
import { TextField } from "@/components/ui/TextField";
import { AdminActionRequest } from "@/api/contracts/admin";

/**
 * The first step of every administrative change: what will be done, to whom, and why (a reason is
 * required: it goes to the audit log). Continue leads to the administrator's own "Verify it's you".
 */
export function ReasonDialog(props: {
  title: string;
  question: string;
  /** The reason typed before, when the change failed and is asked again: nothing typed is lost. */
  reason?: string;
  onReason: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const dialog = useModalDialog();
  const form = useForm<AdminActionRequest>({
    resolver: zodResolver(AdminActionRequest),
    defaultValues: { reason: props.reason ?? "" },
  });
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onCancel={props.onCancel}>
      <h2 id={titleId}>{props.title}</h2>
      <p>{props.question}</p>
      <form noValidate onSubmit={form.handleSubmit(({ reason }) => props.onReason(reason))}>
        <TextField
          label={t("admin.reason")}
          hint={t("admin.reasonHint")}
          autoComplete="off"
          error={form.formState.errors.reason?.message}
          {...form.register("reason")}
        />
        <div className="dialog-actions">
          <button type="submit" className="button primary-inline">
            {t("admin.continue")}
          </button>
          <button type="button" className="button" onClick={props.onCancel}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
