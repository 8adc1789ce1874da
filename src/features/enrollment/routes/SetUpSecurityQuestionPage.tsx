import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ApiError } from "@/api/client";
import { SetSecurityQuestionRequest, type EnrollmentState } from "@/api/contracts/enrollment";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { RadioGroupField } from "@/components/ui/RadioGroupField";
import { SelectField } from "@/components/ui/SelectField";
import { TextField } from "@/components/ui/TextField";
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
        <RadioGroupField
          legend={t("enroll.question.kind")}
          legendHidden
          name="question-kind"
          options={[
            { value: "choose", label: t("enroll.question.choose") },
            { value: "own", label: t("enroll.question.createOwn") },
          ]}
          value={own ? "own" : "choose"}
          onChange={(event) => choose(event.target.value === "own")}
        />
        {own ? (
          <TextField
            key="own"
            label={t("enroll.question.createOwn")}
            error={errors.question?.message ?? serverFieldError("question")}
            {...form.register("question")}
          />
        ) : (
          <div key="choose">
            <SelectField
              label={t("enroll.question.choose")}
              error={errors.question?.message}
              {...form.register("question")}
            >
              {questions.data?.questions.map((question) => (
                <option key={question} value={question}>
                  {question}
                </option>
              ))}
            </SelectField>
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
        {/* Until the list has come there is no question to choose: Verify would only be refused. */}
        <button
          type="submit"
          className="button primary"
          disabled={save.isPending || (!own && questions.isPending)}
        >
          {save.isPending ? t("common.working") : t("common.verify")}
        </button>
      </form>
    </EnrollCard>
  );
}
