import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { ApiError } from "@/api/client";
import { useDeferredQuery } from "@/api/use-deferred-query";
import type { AccountChange, AccountState, SetUpMethod } from "@/api/contracts/account";
import type { Factor } from "@/api/contracts/authn";
import type { MethodDetails } from "@/api/contracts/passkeys";
import { LANGUAGES, type Language, type Me } from "@/api/contracts/me";
import { Alert } from "@/components/Alert";
import { AuthCard } from "@/components/AuthCard";
import { DashboardLayout } from "@/components/DashboardLayout";
import { ErrorAlert } from "@/components/ErrorAlert";
import { NewPasswordForm } from "@/components/NewPasswordForm";
import { PageHeading } from "@/components/PageHeading";
import { RequireSession } from "@/components/RequireSession";
import { paths } from "@/config/paths";
import { setLanguage } from "@/i18n";
import {
  accountQueryOptions,
  useRemoveMethod,
  useRemoveSecurityQuestion,
  useResetPassword,
  useSetLanguage,
} from "../api/account";
import { ConfirmDialog } from "@/components/ConfirmDialog";
import { StepUp } from "@/components/verification/StepUp";
import { PasskeyDetails, RenamePasskeyForm } from "../components/Passkey";
import { TimedMessage } from "../components/TimedMessage";

/**
 * A change on its way: a reset or removal is confirmed, then verified (password and method), then
 * done; a set-up is verified the same way before its screens. The verification serves `target`
 * only.
 */
type Change = { target: AccountChange; name: string; stage: "confirm" | "verify" | "newPassword" };

const SET_UP_PATH: Record<SetUpMethod, string> = {
  okta_verify: paths.enrollOktaVerify,
  google_authenticator: paths.enrollGoogleAuthenticator,
  phone: paths.enrollPhone,
  passkey: paths.enrollPasskey,
  security_question: paths.enrollSecurityQuestion,
};

/** The Account page (guide Section 2): opened after "Verify it's you with a security method". */
export function SettingsPage() {
  return <RequireSession>{(me) => <Settings me={me} />}</RequireSession>;
}

function Settings({ me }: { me: Me }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  // Whichever screen the answer brings ("Verify it's you" or the page) mounts in short tasks.
  const account = useDeferredQuery({ ...accountQueryOptions(), retry: false });
  const [change, setChange] = useState<Change | null>(null);
  const setUp = (location.state as { setUp?: string } | null)?.setUp;
  const [message, setMessage] = useState<string | null>(
    setUp ? t("enroll.setUpDone", { method: setUp }) : null,
  );
  const clearMessage = useCallback(() => setMessage(null), []);
  const removeMethod = useRemoveMethod();
  const removeQuestion = useRemoveSecurityQuestion();
  const resetPassword = useResetPassword();
  const failed = removeMethod.error ?? removeQuestion.error;

  const finish = useCallback(
    (text: string) => {
      setChange(null);
      setMessage(text);
      // The flash from a set-up is shown once; a reload must not bring it back.
      void navigate(paths.settings, { replace: true, state: null });
    },
    [navigate],
  );

  const verified = useCallback(() => {
    if (!change) return;
    const { target } = change;
    if (target.kind === "resetPassword") return setChange({ ...change, stage: "newPassword" });
    if (target.kind === "setUp") return void navigate(SET_UP_PATH[target.method]);
    const done = () => finish(t("account.removed", { method: change.name }));
    const settle = { onSuccess: done, onError: () => setChange(null) };
    if (target.kind === "removeMethod") removeMethod.mutate(target.methodId, settle);
    else removeQuestion.mutate(undefined, settle);
  }, [change, finish, navigate, removeMethod, removeQuestion, t]);

  const needsStepUp =
    account.error instanceof ApiError && account.error.code === "STEP_UP_REQUIRED";
  if (needsStepUp) return <StepUp purpose="view" onVerified={() => void account.refetch()} />;
  if (change?.stage === "verify") {
    return (
      <StepUp purpose={change.target} onVerified={verified} onCancel={() => setChange(null)} />
    );
  }
  if (change?.stage === "newPassword" && account.data) {
    const { login, firstName, lastName } = account.data;
    return (
      <AuthCard
        title={t("account.resetPassword.title")}
        username={login}
        footer={
          <button type="button" className="link-button" onClick={() => setChange(null)}>
            {t("common.cancel")}
          </button>
        }
      >
        <ResetPasswordForm
          owner={{ login, firstName, lastName }}
          onDone={() => finish(t("account.resetPassword.done"))}
          mutation={resetPassword}
        />
      </AuthCard>
    );
  }

  return (
    <DashboardLayout me={me}>
      <PageHeading title={t("account.title")} />
      {message ? <TimedMessage text={message} onDone={clearMessage} /> : null}
      <ErrorAlert error={failed} />
      {account.isPending ? (
        <p role="status">{t("common.loading")}</p>
      ) : account.isError ? (
        <ErrorAlert error={account.error} />
      ) : (
        <>
          <PersonalInformation account={account.data} />
          <DisplayLanguage account={account.data} />
          <SecurityMethods
            account={account.data}
            onRenamed={() => setMessage(t("account.passkey.renamed"))}
            onChange={(next) => {
              removeMethod.reset();
              removeQuestion.reset();
              setChange(next);
            }}
          />
        </>
      )}
      {change?.stage === "confirm" ? (
        <ConfirmDialog
          title={t(
            change.target.kind === "resetPassword"
              ? "account.confirmResetTitle"
              : "account.confirmRemoveTitle",
            { method: change.name },
          )}
          question={t(
            change.target.kind === "resetPassword"
              ? "account.confirmReset"
              : "account.confirmRemove",
            { method: change.name },
          )}
          onYes={() => setChange({ ...change, stage: "verify" })}
          onNo={() => setChange(null)}
        />
      ) : null}
    </DashboardLayout>
  );
}

function ResetPasswordForm(props: {
  owner: { login: string; firstName: string; lastName: string };
  onDone: () => void;
  mutation: ReturnType<typeof useResetPassword>;
}) {
  const { t } = useTranslation();
  const [signOutOthers, setSignOutOthers] = useState(false);
  return (
    <NewPasswordForm
      owner={props.owner}
      pending={props.mutation.isPending}
      error={props.mutation.error}
      submitLabel={t("account.resetPassword.submit")}
      submit={async (password) => {
        await props.mutation.mutateAsync({ password, signOutOtherDevices: signOutOthers });
        props.onDone();
      }}
    >
      <div className="checkbox">
        <input
          id="sign-out-others"
          type="checkbox"
          checked={signOutOthers}
          onChange={(e) => setSignOutOthers(e.target.checked)}
        />
        <label htmlFor="sign-out-others">{t("account.resetPassword.signOutOthers")}</label>
      </div>
    </NewPasswordForm>
  );
}

function PersonalInformation({ account }: { account: AccountState }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t("account.firstName"), account.firstName],
    [t("account.lastName"), account.lastName],
    [t("account.oktaUsername"), account.login],
    [t("account.primaryEmail"), account.email],
    [
      t("account.traqsUsernames"),
      account.traqsUsernames
        .map((u) => (u.active ? u.username : t("traqs.inactiveOption", { username: u.username })))
        .join(", "),
    ],
  ];
  return (
    <section className="panel" aria-labelledby="personal-information">
      <h2 id="personal-information">{t("account.personalInformation")}</h2>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="field-hint">{t("account.personalNote")}</p>
    </section>
  );
}

function DisplayLanguage({ account }: { account: AccountState }) {
  const { t, i18n } = useTranslation();
  const save = useSetLanguage();
  const [editing, setEditing] = useState(false);
  const current = (account.language ?? i18n.language) as Language;
  const [choice, setChoice] = useState<Language>(current);
  const names = new Intl.DisplayNames([i18n.language], { type: "language" });
  const nameOf = (code: Language) =>
    new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code;

  return (
    <section className="panel" aria-labelledby="display-language">
      <h2 id="display-language">{t("account.displayLanguage")}</h2>
      {editing ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(choice, {
              onSuccess: () => {
                setEditing(false);
                void setLanguage(choice);
              },
            });
          }}
        >
          <label htmlFor="language">{t("account.language")}</label>
          <select
            id="language"
            value={choice}
            onChange={(e) => setChoice(e.target.value as Language)}
          >
            {LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {nameOf(code)}
              </option>
            ))}
          </select>
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? t("common.working") : t("common.save")}
          </button>
          <button type="button" className="link-button" onClick={() => setEditing(false)}>
            {t("common.cancel")}
          </button>
        </form>
      ) : (
        <p className="inline-form">
          <span>
            {t("account.language")}: <strong>{names.of(current) ?? current}</strong>
          </span>
          <button
            type="button"
            className="button"
            aria-label={t("account.editLanguage")}
            onClick={() => setEditing(true)}
          >
            {t("common.edit")}
          </button>
        </p>
      )}
      <ErrorAlert error={save.error} />
      <p className="field-hint">{t("account.languageNote")}</p>
    </section>
  );
}

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

function SecurityMethods({
  account,
  onChange,
  onRenamed,
}: {
  account: AccountState;
  onChange: (change: Change) => void;
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
      : () =>
          onChange({
            target: { kind: "removeMethod", methodId: method.id },
            name: detail ?? name,
            stage: "confirm",
          }),
  });
  // No confirmation before a set-up (the guide shows none): its verification comes first.
  const setUpRow = (key: string, name: string, method: SetUpMethod, another: boolean): Row => ({
    key,
    name,
    action: another ? "setUpAnother" : "setUp",
    onAction: () => onChange({ target: { kind: "setUp", method }, name, stage: "verify" }),
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
      onAction: () =>
        onChange({
          target: { kind: "resetPassword" },
          name: t("methods.password"),
          stage: "confirm",
        }),
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
            onChange({
              target: { kind: "removeSecurityQuestion" },
              name: t("methods.securityQuestion"),
              stage: "confirm",
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
      <ul className="method-list">{row(rows)}</ul>
    </section>
  );

  function row(list: Row[]) {
    return list.map((r) => (
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
              {r.detail ? <span>{r.detail}</span> : <strong>{r.name}</strong>}
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
    ));
  }
}
