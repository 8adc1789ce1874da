import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { useTranslation } from "@/i18n/first-screen";
import { Username } from "@/api/contracts/authn";
import { TextField } from "./TextField";

/**
 * "Username (email address)", as Sign In, Unlock account? and Forgot password? ask for it, checked
 * with the contract's `Username` schema. Sign In is the first page, so this field does without
 * react-hook-form (decision 009). Like its `handleSubmit`, `handleSubmit(onValid)` makes the form's
 * submit handler: it passes on the checked value, or shows why not and takes focus; once shown, the
 * message follows what is typed.
 */
export function useUsernameField(defaultValue = "", autoComplete = "username") {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();

  // A default that arrives later (the sign-in's state, once fetched) fills the field only if
  // nothing was typed there meanwhile and the user is not in it: what they type next would be
  // added to it.
  useEffect(() => {
    const field = input.current;
    if (field && field.value === "" && document.activeElement !== field) field.value = defaultValue;
  }, [defaultValue]);

  const check = (value: string): string | null => {
    const result = Username.safeParse(value);
    setError(result.success ? undefined : result.error.issues[0]?.message);
    return result.success ? result.data : null;
  };

  const field = (
    <TextField
      ref={input}
      name="username"
      label={t("signIn.username")}
      type="email"
      autoComplete={autoComplete}
      autoCapitalize="none"
      spellCheck={false}
      defaultValue={defaultValue}
      error={error}
      onChange={(event: ChangeEvent<HTMLInputElement>) => {
        if (error) check(event.currentTarget.value);
      }}
    />
  );

  const handleSubmit = (onValid: (username: string) => void) => (event: FormEvent) => {
    event.preventDefault();
    const value = check(input.current?.value ?? "");
    if (value === null) input.current?.focus();
    else onValid(value);
  };

  return { field, handleSubmit };
}
