import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ApiError } from "@/api/client";
import { SetSecurityQuestionRequest, type EnrollmentState } from "@/api/contracts/enrollment";
import { ErrorAlert } from "@/components/ErrorAlert";
import { TextField } from "@/components/TextField";
import { securityQuestionsQueryOptions, useSetSecurityQuestion } from "../api/enrollment";
import { EnrollCard, useSetUpDone } from "../components/EnrollCard";
import { EnrollmentGate } from "../components/EnrollmentGate";

/** "Choose a security question" or "Create my own security question", then "Answer" (guide step 7). */
export function SetUpSecurityQuestionPage() {
  return <EnrollmentGate>{(state) => <SetUpSecurityQuestion state={state} />}</EnrollmentGate>;
}

function SetUpSecurityQuestion({ state }: { state: EnrollmentState }) {
  const { t } = useTranslation();
  const setUpDone = useSetUpDone(state);
  const questions = useQuery(securityQuestionsQueryOptions());
  const save = useSetSecurityQuestion();
  const [own, setOwn] = useState(false);
  const form = useForm<SetSecurityQuestionRequest>({
    resolver: zodResolver(SetSecurityQuestionRequest),
    defaultValues: { question: "", answer: "" },
  });
  const errors = form.formState.errors;
  const serverFieldError = (field: string) =>
    save.error instanceof ApiError ? save.error.fields?.[field] : undefined;

  // The list starts on its first question, as the guide's screen shows it.
  const firstQuestion = questions.data?.questions[0] ?? "";
  useEffect(() => {
    if (!own && !form.getValues("question")) form.setValue("question", firstQuestion);
  }, [firstQuestion, form, own]);
  const choose = (createOwn: boolean) => {
    setOwn(createOwn);
    form.setValue("question", createOwn ? "" : firstQuestion);
  };

  return (
    <EnrollCard title={t("enroll.question.title")} state={state}>
      <form
        noValidate
        onSubmit={form.handleSubmit((values) =>
          save.mutate(values, {
            onSuccess: () => void setUpDone(t("methods.securityQuestion")),
          }),
        )}
      >
        <ErrorAlert error={save.error} />
        <fieldset className="radio-group">
          <legend className="visually-hidden">{t("enroll.question.kind")}</legend>
          <label>
            <input
              type="radio"
              name="question-kind"
              checked={!own}
              onChange={() => choose(false)}
            />
            {t("enroll.question.choose")}
          </label>
          <label>
            <input type="radio" name="question-kind" checked={own} onChange={() => choose(true)} />
            {t("enroll.question.createOwn")}
          </label>
        </fieldset>
        {own ? (
          <TextField
            key="own"
            label={t("enroll.question.createOwn")}
            error={errors.question?.message ?? serverFieldError("question")}
            {...form.register("question")}
          />
        ) : (
          <div className="field" key="choose">
            <label htmlFor="security-question">{t("enroll.question.choose")}</label>
            <select
              id="security-question"
              aria-invalid={errors.question ? true : undefined}
              aria-describedby={errors.question ? "security-question-error" : undefined}
              {...form.register("question")}
            >
              {questions.data?.questions.map((question) => (
                <option key={question} value={question}>
                  {question}
                </option>
              ))}
            </select>
            {errors.question?.message ? (
              <p className="field-error" id="security-question-error">
                {t(errors.question.message)}
              </p>
            ) : null}
            <ErrorAlert error={questions.error} />
          </div>
        )}
        <TextField
          label={t("enroll.question.answer")}
          revealable
          type="password"
          autoComplete="off"
          error={errors.answer?.message ?? serverFieldError("answer")}
          {...form.register("answer")}
        />
        <button type="submit" className="button primary" disabled={save.isPending}>
          {save.isPending ? t("common.working") : t("common.verify")}
        </button>
      </form>
    </EnrollCard>
  );
}
