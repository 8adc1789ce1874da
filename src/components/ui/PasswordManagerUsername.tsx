/** The username, hidden, in a form with a password: password managers pair the two by it. */
export function PasswordManagerUsername({ username }: { username: string | null }) {
  return (
    <input
      type="text"
      name="username"
      autoComplete="username"
      value={username ?? ""}
      readOnly
      hidden
    />
  );
}
