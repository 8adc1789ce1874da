import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AccountChange, AccountState, SetUpMethod } from "@/api/contracts/account";
import type { Factor } from "@/api/contracts/authn";
import type { MethodDetails } from "@/api/contracts/passkeys";
import { Alert } from "@/components/ui/Alert";
import { PasskeyDetails, RenamePasskeyForm } from "./Passkey";
import { RecoveryCodesRow, RecoveryCodesWarning } from "./RecoveryCodes";

/** A change of a security method, named for its question and message. */
export type MethodChange = { target: AccountChange; name: string };

type Row = {
  key: string;
  name: string;
  detail?: string;
  action: "reset" | "remove" | "setUp" | "setUpAnother";
  onAction: () => void;
  last?: boolean;
  /** A passkey's row: its details, and Rename. */
  passkey?: MethodDetails;
};

/**
 * Settings' Security Methods: a reset or removal is asked first (`ask`), a set-up goes straight to
 * its verification (`verify`).
 */
export function SecurityMethods({
  account,
  ask,
  verify,
  onRenamed,
}: {
  account: AccountState;
  ask: (change: MethodChange) => void;
  verify: (change: MethodChange) => void;
  onRenamed: () => void;
}) {
  const { t } = useTranslation();
  const [lastWarning, setLastWarning] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const onlyOne = account.methods.length === 1;
  const of = (type: Factor["type"]) => account.methods.filter((m) => m.type === type);
  const removeRow = (method: Factor, name: string, detail?: string): Row => ({
    key: method.id,
    name,
    ...(detail ? { detail } : {}),
    action: "remove",
    last: onlyOne,
    onAction: onlyOne
      ? () => setLastWarning(true)
      : () => ask({ target: { kind: "removeMethod", methodId: method.id }, name: detail ?? name }),
  });
  // No confirmation before a set-up (the guide shows none): its verification comes first.
  const setUpRow = (key: string, name: string, method: SetUpMethod, another: boolean): Row => ({
    key,
    name,
    action: another ? "setUpAnother" : "setUp",
    onAction: () => verify({ target: { kind: "setUp", method }, name }),
  });
  const okta = of("okta_verify");
  const google = of("google_authenticator")[0];
  const phones = of("phone");
  const passkeys = of("passkey");
  const rows: Row[] = [
    {
      key: "password",
      name: t("methods.password"),
      action: "reset",
      onAction: () => ask({ target: { kind: "resetPassword" }, name: t("methods.password") }),
    },
    setUpRow("okta", t("methods.oktaVerify"), "okta_verify", okta.length > 0),
    ...okta.map((m) => removeRow(m, t("methods.oktaVerify"), m.deviceName)),
    google
      ? removeRow(google, t("methods.googleAuthenticator"))
      : setUpRow("google", t("methods.googleAuthenticator"), "google_authenticator", false),
    setUpRow("phone", t("methods.phone"), "phone", phones.length > 0),
    ...phones.map((m) => removeRow(m, t("methods.phone"), m.maskedPhone)),
    setUpRow("passkey", t("methods.passkey"), "passkey", passkeys.length > 0),
    ...passkeys.map((m) => ({ ...removeRow(m, t("methods.passkey"), m.name), passkey: m })),
    account.securityQuestionSet
      ? {
          key: "question",
          name: t("methods.securityQuestion"),
          action: "remove" as const,
          onAction: () =>
            ask({
              target: { kind: "removeSecurityQuestion" },
              name: t("methods.securityQuestion"),
            }),
        }
      : setUpRow("question", t("methods.securityQuestion"), "security_question", false),
  ];
  const label = (row: Row) => `${t(`account.actions.${row.action}`)} ${row.detail ?? row.name}`;

  return (
    <section className="panel" aria-labelledby="security-methods">
      <h2 id="security-methods">{t("account.securityMethods")}</h2>
      <p>{t("account.securityMethodsIntro")}</p>
      {lastWarning ? <Alert tone="error">{t("account.lastMethod")}</Alert> : null}
      <RecoveryCodesWarning left={account.recoveryCodesLeft} />
      <ul className="method-list">
        {rows.map((r) => (
          <li key={r.key} className={`method-row${r.detail ? " method-sub" : ""}`}>
            {r.passkey && renaming === r.key ? (
              <RenamePasskeyForm
                passkey={r.passkey}
                onDone={(renamed) => {
                  setRenaming(null);
                  if (renamed) onRenamed();
                }}
              />
            ) : (
              <>
                <span className="method-name">
                  {r.detail ? (
                    <span className="nowrap">{r.detail}</span>
                  ) : (
                    <strong>{r.name}</strong>
                  )}
                  {r.passkey ? <PasskeyDetails passkey={r.passkey} /> : null}
                </span>
                {r.passkey ? (
                  <button
                    type="button"
                    className="button"
                    aria-label={t("account.passkey.renameMethod", { name: r.detail })}
                    onClick={() => setRenaming(r.key)}
                  >
                    {t("account.passkey.rename")}
                  </button>
                ) : null}
                <button type="button" className="button" aria-label={label(r)} onClick={r.onAction}>
                  {t(`account.actions.${r.action}`)}
                </button>
              </>
            )}
          </li>
        ))}
        <RecoveryCodesRow
          left={account.recoveryCodesLeft}
          onSetUp={() =>
            verify({
              target: { kind: "setUp", method: "recovery_codes" },
              name: t("methods.recoveryCodes"),
            })
          }
        />
      </ul>
    </section>
  );
}
