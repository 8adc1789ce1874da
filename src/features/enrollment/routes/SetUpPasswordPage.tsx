import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import * as z from "zod/mini";
import { ApiError } from "@/api/client";
import type { EnrollmentState } from "@/api/contracts/enrollment";
import {
  brokenPasswordRules,
  LIVE_PASSWORD_RULES,
  PASSWORD_POLICY,
  type PasswordRule,
} from "@/api/password-policy";
import { Alert } from "@/components/Alert";
import { ErrorAlert } from "@/components/ErrorAlert";
import { TextField } from "@/components/TextField";
import { paths } from "@/config/paths";
import { useSetPassword } from "../api/enrollment";
import { EnrollCard } from "../components/EnrollCard";
import { EnrollmentGate } from "../components/EnrollmentGate";

const PasswordForm = z
  .object({
    password: z
      .string()
      .check(z.minLength(1, "validation.required"), z.maxLength(256, "validation.tooLong")),
    confirm: z.string().check(z.minLength(1, "validation.required")),
  })
  .check(
    z.refine((v) => v.password === v.confirm, {
      message: "validation.passwordsDiffer",
      path: ["confirm"],
    }),
  );
type PasswordFormValues = z.infer<typeof PasswordForm>;

/** "Set up password" with the guide's requirement list, each requirement ticking as it is met. */
export function SetUpPasswordPage() {
  return <EnrollmentGate>{(state) => <SetUpPassword state={state} />}</EnrollmentGate>;
}

function SetUpPassword({ state }: { state: EnrollmentState }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setPassword = useSetPassword();
  const form = useForm<PasswordFormValues>({
    resolver: zodResolver(PasswordForm),
    defaultValues: { password: "", confirm: "" },
  });
  const password = useWatch({ control: form.control, name: "password" });
  const owner = { login: state.username, firstName: state.firstName, lastName: state.lastName };
  const brokenNow = brokenPasswordRules(password, owner);
  // The rules the last attempt broke, named in the refusal (checked here first, then by the server).
  const [refusedRules, setRefusedRules] = useState<PasswordRule[]>([]);

  const onSubmit = form.handleSubmit((values) => {
    const broken = brokenPasswordRules(values.password, owner);
    setRefusedRules(broken);
    if (broken.length > 0) return;
    setPassword.mutate(
      { password: values.password },
      {
        onSuccess: () => void navigate(paths.enroll, { state: { setUp: t("methods.password") } }),
        onError: (error) => {
          if (error instanceof ApiError && error.code === "PASSWORD_POLICY")
            setRefusedRules((error.rules ?? []) as PasswordRule[]);
        },
      },
    );
  });

  return (
    <EnrollCard title={t("enroll.password.title")} username={state.username}>
      <p id="password-requirements-title">{t("enroll.password.requirements")}</p>
      <ul className="requirements" aria-labelledby="password-requirements-title">
        {LIVE_PASSWORD_RULES.map((rule) => {
          const met = password.length > 0 && !brokenNow.includes(rule);
          return (
            <li key={rule} className={met ? "met" : "unmet"}>
              <span aria-hidden="true">{met ? "✓" : "•"} </span>
              <span className="visually-hidden">
                {t(met ? "enroll.password.met" : "enroll.password.notMet")}{" "}
              </span>
              {t(`passwordRules.${rule}`, { count: PASSWORD_POLICY.minLength })}
            </li>
          );
        })}
        <li>
          <span aria-hidden="true">• </span>
          {t("passwordRules.history", { count: PASSWORD_POLICY.historyCount })}
        </li>
        <li>
          <span aria-hidden="true">• </span>
          {t("passwordRules.minAge", { count: PASSWORD_POLICY.minAgeDays })}
        </li>
      </ul>
      <form onSubmit={onSubmit} noValidate>
        {refusedRules.length ? (
          <Alert tone="error">
            {t("enroll.password.refused", {
              rules: refusedRules
                .map((rule) => t(`passwordRules.${rule}`, { count: countFor(rule) }))
                .join("; "),
            })}
          </Alert>
        ) : (
          <ErrorAlert error={setPassword.error} />
        )}
        <TextField
          label={t("enroll.password.enter")}
          type="password"
          autoComplete="new-password"
          revealable
          error={form.formState.errors.password?.message}
          {...form.register("password")}
        />
        <TextField
          label={t("enroll.password.reenter")}
          type="password"
          autoComplete="new-password"
          revealable
          error={form.formState.errors.confirm?.message}
          {...form.register("confirm")}
        />
        <button type="submit" className="button primary" disabled={setPassword.isPending}>
          {setPassword.isPending ? t("common.working") : t("signIn.next")}
        </button>
      </form>
    </EnrollCard>
  );
}

function countFor(rule: PasswordRule): number {
  if (rule === "history") return PASSWORD_POLICY.historyCount;
  if (rule === "minAge") return PASSWORD_POLICY.minAgeDays;
  return PASSWORD_POLICY.minLength;
}
