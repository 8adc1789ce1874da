import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { SelectTraqsUsernameRequest, type Me } from "@/api/contracts/me";
import { useSelectTraqsUsername } from "@/api/me";
import { ErrorAlert } from "../ui/ErrorAlert";
import { SelectField } from "../ui/SelectField";

/**
 * The list of the user's TRAQS usernames and Select (guide Section 3, steps 6 and 8). InActive
 * usernames are marked and cannot be chosen; so is the one in use, when switching. The list starts
 * on the first username that can be chosen. `actions` (the switch's Cancel) sits beside Select.
 */
export function TraqsUsernameForm({
  me,
  onSelected,
  actions,
}: {
  me: Me;
  onSelected: () => void;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const select = useSelectTraqsUsername();
  const choosable = (u: Me["traqsUsernames"][number]) =>
    u.active && u.username !== me.traqsUsername;
  const firstChoice = me.traqsUsernames.find(choosable);
  const form = useForm<SelectTraqsUsernameRequest>({
    resolver: zodResolver(SelectTraqsUsernameRequest),
    defaultValues: { username: firstChoice?.username ?? "" },
  });
  const error = form.formState.errors.username?.message;

  if (!firstChoice) {
    return (
      <>
        <p role="status">{t("traqs.noOtherUsername")}</p>
        <div className="dialog-actions">{actions}</div>
      </>
    );
  }
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => select.mutate(values, { onSuccess: onSelected }))}
    >
      <ErrorAlert error={select.error} />
      <SelectField label={t("traqs.usernameLabel")} error={error} {...form.register("username")}>
        {me.traqsUsernames.map((u) => (
          <option key={u.username} value={u.username} disabled={!choosable(u)}>
            {!u.active
              ? t("traqs.inactiveOption", { username: u.username })
              : u.username === me.traqsUsername
                ? t("traqs.currentOption", { username: u.username })
                : u.username}
          </option>
        ))}
      </SelectField>
      {me.traqsUsernames.some((u) => !u.active) ? (
        <p className="field-hint">{t("traqs.inactiveNote")}</p>
      ) : null}
      <div className={actions ? "dialog-actions" : undefined}>
        <button
          type="submit"
          className={actions ? "button primary-inline" : "button primary"}
          disabled={select.isPending}
        >
          {select.isPending ? t("common.working") : t("common.select")}
        </button>
        {actions}
      </div>
    </form>
  );
}

/**
 * "Select a different username": the list in a modal dialog, open from the moment it is shown
 * (focus on the list) until it is closed (Select, Cancel or Escape), when `onClose` is told.
 */
export function SwitchUsernameDialog({ me, onClose }: { me: Me; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const close = () => dialog.current?.close();
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="switch-username-title"
      onClose={onClose}
    >
      <h2 id="switch-username-title">{t("traqs.switchTitle")}</h2>
      <TraqsUsernameForm
        me={me}
        onSelected={close}
        actions={
          // Closes without checking the form: Cancel is not an answer to validate.
          <button type="button" className="button" onClick={close}>
            {t("common.cancel")}
          </button>
        }
      />
    </dialog>
  );
}
