import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MethodDetails } from "@/api/contracts/passkeys";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { TextField } from "@/components/ui/TextField";
import { formatDateTime } from "@/i18n";
import { useRenamePasskey } from "../api/account";

/** What Settings shows of a passkey: synced or on one device (its backup flags), and its dates. */
export function PasskeyDetails({ passkey }: { passkey: MethodDetails }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="method-detail">
        {t(passkey.synced ? "account.passkey.synced" : "account.passkey.deviceBound")}
      </span>
      {passkey.createdAt ? (
        <span className="method-detail">
          {t("account.passkey.created", { date: formatDateTime(passkey.createdAt) })}
        </span>
      ) : null}
      <span className="method-detail">
        {passkey.lastUsedAt
          ? t("account.passkey.lastUsed", { date: formatDateTime(passkey.lastUsedAt) })
          : t("account.passkey.neverUsed")}
      </span>
    </>
  );
}

/** Rename: a name of one's own for the passkey ("Work laptop"); nothing else changes. */
export function RenamePasskeyForm({
  passkey,
  onDone,
}: {
  passkey: MethodDetails;
  onDone: (renamed: boolean) => void;
}) {
  const { t } = useTranslation();
  const rename = useRenamePasskey();
  const [name, setName] = useState(passkey.name ?? "");
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        rename.mutate({ id: passkey.id, name }, { onSuccess: () => onDone(true) });
      }}
    >
      <TextField
        label={t("account.passkey.name")}
        value={name}
        maxLength={50}
        autoComplete="off"
        autoFocus
        onChange={(event) => setName(event.currentTarget.value)}
      />
      <button type="submit" className="button" disabled={rename.isPending}>
        {rename.isPending ? t("common.working") : t("common.save")}
      </button>
      <button type="button" className="link-button" onClick={() => onDone(false)}>
        {t("common.cancel")}
      </button>
      <ErrorAlert error={rename.error} />
    </form>
  );
}
