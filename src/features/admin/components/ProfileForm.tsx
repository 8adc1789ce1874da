import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { ApiError } from "@/api/client";
import { UpdateProfileRequest, type UserDetail } from "@/api/contracts/admin";
import { PersonFields } from "./PersonFields";
import { refusedField } from "./refusals";

// The request's own fields (z.omit would add its code to the sign-in page's zod: decision 009).
const { reason: _reason, ...profileShape } = UpdateProfileRequest.shape;
const ProfileFields = z.object(profileShape);
type ProfileFields = z.input<typeof ProfileFields>;

/**
 * The help desk's Update name or primary email (the guide sends users to operations for it). The
 * draft is the page's: it outlives "Verify it's you", and a refused address is shown on its field.
 */
export function ProfileForm(props: {
  user: UserDetail;
  draft: ProfileFields | null;
  error: unknown;
  busy: boolean;
  onEdit: (draft: UpdateProfileRequest | null) => void;
  onSubmit: (values: ProfileFields) => void;
}) {
  const { t } = useTranslation();
  if (!props.draft)
    return (
      <button
        type="button"
        className="button"
        onClick={() =>
          props.onEdit({
            firstName: props.user.firstName,
            lastName: props.user.lastName,
            email: props.user.email,
            reason: "",
          })
        }
      >
        {t("admin.profile.edit")}
      </button>
    );
  return <Form {...props} draft={props.draft} />;
}

function Form(props: {
  draft: ProfileFields;
  error: unknown;
  busy: boolean;
  onEdit: (draft: UpdateProfileRequest | null) => void;
  onSubmit: (values: ProfileFields) => void;
}) {
  const { t } = useTranslation();
  const form = useForm<ProfileFields>({
    resolver: zodResolver(ProfileFields),
    defaultValues: props.draft,
  });
  const { error } = props;
  useEffect(() => {
    const field = refusedField(error);
    if (field === "email" && error instanceof ApiError)
      form.setError("email", { message: `errors.${error.code}` }, { shouldFocus: true });
  }, [error, form]);
  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={form.handleSubmit((values) => {
          props.onEdit({ ...values, reason: "" });
          props.onSubmit(values);
        })}
      >
        <h3>{t("admin.profile.title")}</h3>
        <PersonFields
          emailLabel={t("account.primaryEmail")}
          emailHint={t("admin.profile.emailHint")}
        />
        <div className="admin-actions">
          <button type="submit" className="button primary-inline" disabled={props.busy}>
            {t("common.save")}
          </button>
          <button type="button" className="button" onClick={() => props.onEdit(null)}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
