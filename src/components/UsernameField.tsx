import type { UseFormRegisterReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { TextField } from "./TextField";

/** "Username (email address)", as Sign In, Unlock account? and Forgot password? ask for it. */
export function UsernameField({
  error,
  registration,
}: {
  error: string | undefined;
  registration: UseFormRegisterReturn;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t("signIn.username")}
      type="email"
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      error={error}
      {...registration}
    />
  );
}
