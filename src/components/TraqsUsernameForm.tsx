import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { SelectTraqsUsernameRequest, type Me } from "@/api/contracts/me";
import { useSelectTraqsUsername } from "@/api/me";
import { ErrorAlert } from "./ErrorAlert";

/**
 * The list of the user's TRAQS usernames and Select (guide Section 3, steps 6 and 8). InActive
 * usernames are marked and cannot be chosen.
 */
export function TraqsUsernameForm({ me, onSelected }: { me: Me; onSelected: () => void }) {
  const { t } = useTranslation();
  const select = useSelectTraqsUsername();
  const firstActive = me.traqsUsernames.find((u) => u.active && u.username !== me.traqsUsername);
  const form = useForm<SelectTraqsUsernameRequest>({
    resolver: zodResolver(SelectTraqsUsernameRequest),
    defaultValues: { username: firstActive?.username ?? "" },
  });
  const error = form.formState.errors.username?.message;

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => select.mutate(values, { onSuccess: onSelected }))}
    >
      <ErrorAlert error={select.error} />
      <div className="field">
        <label htmlFor="traqs-username">{t("traqs.usernameLabel")}</label>
        <select
          id="traqs-username"
          aria-invalid={error ? true : undefined}
          {...form.register("username")}
        >
          {me.traqsUsernames.map(({ username, active }) => (
            <option key={username} value={username} disabled={!active}>
              {active ? username : t("traqs.inactiveOption", { username })}
            </option>
          ))}
        </select>
        {error ? <p className="field-error">{t(error)}</p> : null}
      </div>
      {me.traqsUsernames.some((u) => !u.active) ? (
        <p className="field-hint">{t("traqs.inactiveNote")}</p>
      ) : null}
      <button type="submit" className="button primary" disabled={select.isPending}>
        {select.isPending ? t("common.working") : t("common.select")}
      </button>
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
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="switch-username-title"
      onClose={onClose}
    >
      <h2 id="switch-username-title">{t("traqs.switchTitle")}</h2>
      <TraqsUsernameForm me={me} onSelected={() => dialog.current?.close()} />
      <button type="button" className="button" onClick={() => dialog.current?.close()}>
        {t("common.cancel")}
      </button>
    </dialog>
  );
}
