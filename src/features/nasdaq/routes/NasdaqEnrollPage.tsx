import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { QRCodeSVG } from "qrcode.react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import {
  ActivateTokenRequest,
  NASDAQ_APPLICATION_NAMES,
  type NasdaqEnrollment,
} from "@/api/contracts/nasdaq";
import { RequireSession } from "@/components/layouts/RequireSession";
import { AuthCard } from "@/components/ui/AuthCard";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { AuthCardLoading } from "@/components/ui/AuthCardLoading";
import { NewPasswordForm } from "@/components/ui/NewPasswordForm";
import { OneTimeCodeForm } from "@/components/ui/OneTimeCodeForm";
import { SecretKey } from "@/components/ui/SecretKey";
import { TextField } from "@/components/ui/TextField";
import { paths } from "@/config/paths";
import {
  nasdaqEnrollmentQueryOptions,
  useActivateToken,
  useProveToken,
  useSetTwoFactorPassword,
} from "../api";
import { loginPath } from "../application";
import { NasdaqContact } from "../components/NasdaqContact";
import { NasdaqError } from "../components/NasdaqError";

/**
 * Enrollment of a MobilePASS token, where new users are directed the first time: the account is
 * confirmed by the Okta sign-in (RequireSession), then the emailed activation code, the
 * 2FA-Password, the token added to the MobilePASS app, and one passcode to prove it. The card's
 * title and what it says of the token stay the same at every step, and are what the build
 * prerenders (decision 034); each step has a heading of its own.
 */
export function NasdaqEnrollPage() {
  return (
    <RequireSession whileLoading={<EnrollmentLoading />}>{() => <Enrollment />}</RequireSession>
  );
}

const STEP_NUMBER = { ACTIVATE: 1, PASSWORD: 2, ADD_TOKEN: 3 } as const;

function EnrollmentLoading() {
  const { t } = useTranslation();
  return (
    <AuthCardLoading title={t("nasdaq.enroll.title")}>
      <p>{t("nasdaq.enroll.lead")}</p>
    </AuthCardLoading>
  );
}

function Enrollment() {
  const { t } = useTranslation();
  const enrollment = useQuery(nasdaqEnrollmentQueryOptions());
  if (enrollment.isPending) return <EnrollmentLoading />;
  if (enrollment.isError)
    return (
      <AuthCard title={t("nasdaq.enroll.title")}>
        <p>{t("nasdaq.enroll.lead")}</p>
        <ErrorAlert error={enrollment.error} />
      </AuthCard>
    );
  const state = enrollment.data;
  const step = state.step;
  return (
    <AuthCard
      title={t("nasdaq.enroll.title")}
      username={state.login}
      footer={<Link to={paths.home}>{t("nasdaq.enroll.backToMyApps")}</Link>}
    >
      <p>{t("nasdaq.enroll.lead")}</p>
      {step === "NO_TOKEN" ? (
        <p>{t("nasdaq.enroll.noToken")}</p>
      ) : (
        <StepHeading title={t(`nasdaq.enroll.titles.${step}`)} />
      )}
      {step in STEP_NUMBER ? (
        <p className="field-hint">
          {t("nasdaq.enroll.stepOf", { step: STEP_NUMBER[step as keyof typeof STEP_NUMBER] })}
        </p>
      ) : null}
      {step === "ACTIVATE" ? <ActivateStep /> : null}
      {step === "PASSWORD" ? <PasswordStep state={state} /> : null}
      {step === "ADD_TOKEN" ? <AddTokenStep state={state} /> : null}
      {step === "DONE" ? <Done state={state} /> : null}
      <NasdaqContact />
    </AuthCard>
  );
}

/** The step's heading: when the next step comes, focus moves to it, so screen readers hear it. */
function StepHeading({ title }: { title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const shown = useRef(title);
  useEffect(() => {
    if (shown.current === title) return;
    shown.current = title;
    const frame = requestAnimationFrame(() => ref.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [title]);
  return (
    <h2 ref={ref} tabIndex={-1}>
      {title}
    </h2>
  );
}

function ActivateStep() {
  const { t } = useTranslation();
  const activate = useActivateToken();
  // The email's self-enrollment link carries the code: it is typed for the user.
  const { code = "" } = useParams();
  const form = useForm<ActivateTokenRequest>({
    resolver: zodResolver(ActivateTokenRequest),
    defaultValues: { activationCode: code },
  });
  return (
    <form onSubmit={form.handleSubmit((values) => activate.mutate(values))} noValidate>
      <p>{t("nasdaq.enroll.activateText")}</p>
      <NasdaqError
        error={activate.error}
        own={["ACTIVATION_INVALID", "ACTIVATION_EXPIRED", "ACTIVATION_USED"]}
      />
      <TextField
        label={t("nasdaq.enroll.activationCode")}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        error={form.formState.errors.activationCode?.message}
        {...form.register("activationCode")}
      />
      <button type="submit" className="button primary" disabled={activate.isPending}>
        {activate.isPending ? t("common.working") : t("nasdaq.enroll.activate")}
      </button>
    </form>
  );
}

function PasswordStep({ state }: { state: NasdaqEnrollment }) {
  const { t } = useTranslation();
  const setPassword = useSetTwoFactorPassword();
  return (
    <>
      <p>{t("nasdaq.enroll.passwordText")}</p>
      <NewPasswordForm
        owner={{ login: state.login, firstName: state.firstName, lastName: state.lastName }}
        submit={(password) => setPassword.mutateAsync({ password })}
        pending={setPassword.isPending}
        error={setPassword.error}
        submitLabel={t("nasdaq.enroll.passwordSubmit")}
      />
    </>
  );
}

function AddTokenStep({ state }: { state: NasdaqEnrollment }) {
  const { t } = useTranslation();
  const prove = useProveToken();
  const serial = state.token?.serial ?? "";
  if (!state.addToken) return null;
  const label = t("nasdaq.enroll.qrLabel", { serial });
  return (
    <>
      <p>{t("nasdaq.enroll.addText")}</p>
      <div className="qr">
        <QRCodeSVG
          value={state.addToken.qrUri}
          size={192}
          marginSize={4}
          role="img"
          aria-label={label}
          title={label}
        />
      </div>
      <SecretKey
        value={state.addToken.activationString.replaceAll(" ", "")}
        label={t("nasdaq.enroll.activationString")}
      />
      <p>{t("nasdaq.enroll.proveText")}</p>
      <OneTimeCodeForm
        label={t("nasdaq.login.passcode")}
        pending={prove.isPending}
        error={prove.error}
        submit={(passcode) => prove.mutateAsync({ passcode })}
      />
    </>
  );
}

function Done({ state }: { state: NasdaqEnrollment }) {
  const { t } = useTranslation();
  return (
    <>
      <p role="status">{t("nasdaq.enroll.doneText", { username: state.login })}</p>
      {state.token ? <p>{t("nasdaq.enroll.serial", { serial: state.token.serial })}</p> : null}
      <ul>
        {state.applications.map((application) => (
          <li key={application}>
            <Link to={loginPath(application)}>
              {t("nasdaq.enroll.openApplication", {
                application: NASDAQ_APPLICATION_NAMES[application],
              })}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
