import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { NASDAQ_APPLICATION_NAMES, NasdaqLoginRequest } from "@/api/contracts/nasdaq";
import { AuthCard } from "@/components/ui/AuthCard";
import { TextField } from "@/components/ui/TextField";
import { paths } from "@/config/paths";
import { useNasdaqLogin } from "../api";
import { applicationOf, applicationPath } from "../application";
import { NasdaqContact } from "../components/NasdaqContact";
import { NasdaqError } from "../components/NasdaqError";

/**
 * The "Two-Factor Authentication" window (`nasdaq-2fa-mobilepass.md`): User Name, 2FA-Password
 * and Passcode on one form. Any wrong part gets the same message: the server never says which.
 */
export function NasdaqLoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const application = applicationOf(search.get("app"));
  const login = useNasdaqLogin();
  const form = useForm<NasdaqLoginRequest>({
    resolver: zodResolver(NasdaqLoginRequest),
    defaultValues: { username: "", password: "", passcode: "" },
  });
  const onSubmit = form.handleSubmit((values) =>
    login.mutate(values, {
      onSuccess: (state) => {
        const first = application ?? state.session?.applications[0];
        void navigate(first ? applicationPath(first) : paths.nasdaqEnroll);
      },
      // A passcode works once: the next try needs the next one.
      onError: () => form.setValue("passcode", ""),
    }),
  );
  const errors = form.formState.errors;
  return (
    <AuthCard
      title={t("nasdaq.login.title")}
      footer={<Link to={paths.nasdaqEnroll}>{t("nasdaq.login.newUser")}</Link>}
    >
      {application ? (
        <p>{t("nasdaq.login.for", { application: NASDAQ_APPLICATION_NAMES[application] })}</p>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <NasdaqError error={login.error} own={["INVALID_CREDENTIALS", "ACCOUNT_LOCKED"]} />
        <TextField
          label={t("nasdaq.login.username")}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={errors.username?.message}
          {...form.register("username")}
        />
        <TextField
          label={t("nasdaq.login.password")}
          type="password"
          autoComplete="current-password"
          revealable
          error={errors.password?.message}
          {...form.register("password")}
        />
        <TextField
          label={t("nasdaq.login.passcode")}
          hint={t("nasdaq.login.passcodeHint")}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          error={errors.passcode?.message}
          {...form.register("passcode")}
        />
        <button type="submit" className="button primary" disabled={login.isPending}>
          {login.isPending ? t("common.working") : t("nasdaq.login.submit")}
        </button>
      </form>
      <NasdaqContact />
    </AuthCard>
  );
}
