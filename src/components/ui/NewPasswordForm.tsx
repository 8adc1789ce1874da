import { zodResolver } from "@hookform/resolvers/zod";
import { useState, type ReactNode } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { ApiError } from "@/api/client";
import {
  brokenPasswordRules,
  LIVE_PASSWORD_RULES,
  PASSWORD_POLICY,
  type PasswordOwner,
  type PasswordRule,
} from "@/api/password-policy";
import { Alert } from "./Alert";
import { ErrorAlert } from "./ErrorAlert";
import { PasswordManagerUsername } from "./PasswordManagerUsername";
import { TextField } from "./TextField";

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

/**
 * A new password typed twice, under the guide's requirement list, each requirement ticking as it
 * is met. Refusals name the broken rules: checked here first, then by the server (which adds
 * history and minimum age). Used to set up a password and to reset one.
 */
export function NewPasswordForm(props: {
  owner: PasswordOwner;
  submit: (password: string) => Promise<unknown>;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  /** More fields above the button (e.g. "Sign me out of all other devices"). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { owner } = props;
  const form = useForm<PasswordFormValues>({
    resolver: zodResolver(PasswordForm),
    defaultValues: { password: "", confirm: "" },
  });
  const password = useWatch({ control: form.control, name: "password" });
  const brokenNow = brokenPasswordRules(password, owner);
  // A refusal is about the password it refused: once another is typed it no longer applies, and
  // the screen shows what is wrong now (the rules' ticks, "The passwords do not match").
  const [refused, setRefused] = useState<{ password: string; rules: PasswordRule[] } | null>(null);
  const refusalApplies = refused?.password === password;
  const refusedRules = refusalApplies ? refused.rules : [];
  const policyRefusal = props.error instanceof ApiError && props.error.code === "PASSWORD_POLICY";

  const onSubmit = form.handleSubmit(async (values) => {
    const broken = brokenPasswordRules(values.password, owner);
    setRefused({ password: values.password, rules: broken });
    if (broken.length > 0) return;
    try {
      await props.submit(values.password);
    } catch (error) {
      if (error instanceof ApiError && error.code === "PASSWORD_POLICY") {
        setRefused({ password: values.password, rules: (error.rules ?? []) as PasswordRule[] });
      }
    }
  });

  return (
    <>
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
        <PasswordManagerUsername username={owner.login} />
        {refusedRules.length ? (
          <Alert tone="error">
            {t("enroll.password.refused", {
              rules: refusedRules
                .map((rule) => t(`passwordRules.${rule}`, { count: countFor(rule) }))
                .join("; "),
            })}
          </Alert>
        ) : (
          <ErrorAlert error={policyRefusal && !refusalApplies ? null : props.error} />
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
        {props.children}
        <button type="submit" className="button primary" disabled={props.pending}>
          {props.pending ? t("common.working") : props.submitLabel}
        </button>
      </form>
    </>
  );
}

function countFor(rule: PasswordRule): number {
  if (rule === "history") return PASSWORD_POLICY.historyCount;
  if (rule === "minAge") return PASSWORD_POLICY.minAgeDays;
  return PASSWORD_POLICY.minLength;
}
