import { useFormContext } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { TextField } from "@/components/ui/TextField";

type PersonValues = { firstName: string; lastName: string; email: string };

/**
 * First name, last name and the address a person signs in with, as the Order Form asks them for a
 * new user and the help desk's profile change for an existing one; inside the form's
 * `FormProvider`.
 */
export function PersonFields({ emailLabel, emailHint }: { emailLabel: string; emailHint: string }) {
  const { t } = useTranslation();
  const {
    register,
    formState: { errors },
  } = useFormContext<PersonValues>();
  return (
    <>
      <TextField
        label={t("account.firstName")}
        autoComplete="off"
        error={errors.firstName?.message}
        {...register("firstName")}
      />
      <TextField
        label={t("account.lastName")}
        autoComplete="off"
        error={errors.lastName?.message}
        {...register("lastName")}
      />
      <TextField
        label={emailLabel}
        hint={emailHint}
        type="email"
        autoComplete="off"
        error={errors.email?.message}
        {...register("email")}
      />
    </>
  );
}
