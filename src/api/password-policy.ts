/**
 * The password policy of the guide (Section 1, step 5), as pure functions: the set-up screen ticks
 * each rule live with them and the mock backend refuses with them, so the two never disagree.
 * History and minimum age need the stored passwords, so only the backend checks those.
 */
export const PASSWORD_POLICY = {
  minLength: 12,
  historyCount: 7,
  minAgeDays: 1,
} as const;

export const PASSWORD_RULES = [
  "minLength",
  "lowercase",
  "uppercase",
  "number",
  "noUsernameParts",
  "noFirstName",
  "noLastName",
  "notCommon",
  "history",
  "minAge",
] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number];

/** The rules the screen can check as the user types (all but history and minimum age). */
export const LIVE_PASSWORD_RULES = PASSWORD_RULES.filter(
  (rule): rule is Exclude<PasswordRule, "history" | "minAge" | "notCommon"> =>
    rule !== "history" && rule !== "minAge" && rule !== "notCommon",
);

export type PasswordOwner = { login: string; firstName: string; lastName: string };

/** Okta's reading of "parts of your username": split on . , - _ # @ and keep parts of 3+ letters. */
export function usernameParts(login: string): string[] {
  return login
    .toLowerCase()
    .split(/[.,\-_#@]+/)
    .filter((part) => part.length >= 3);
}

// Passwords that meet the composition rules but are among the most used; always refused (SECURITY.md).
const COMMON_PASSWORDS = new Set(
  [
    "Password1234",
    "Password12345",
    "Password123!",
    "Passw0rd1234",
    "P@ssword1234",
    "P@ssw0rd1234",
    "Qwerty123456",
    "Qwertyuiop12",
    "Welcome12345",
    "Welcome123!!",
    "Abcdefgh1234",
    "Abc123456789",
    "Aa1234567890",
    "Iloveyou1234",
    "Letmein12345",
    "Sunshine1234",
    "Football1234",
    "Baseball1234",
    "Changeme1234",
    "Summer2024!!",
    "Winter2024!!",
    "Spring2025!!",
    "Autumn2025!!",
  ].map((p) => p.toLowerCase()),
);

/** The rules this password breaks, of those that need nothing but the password and its owner. */
export function brokenPasswordRules(password: string, owner: PasswordOwner): PasswordRule[] {
  const lower = password.toLowerCase();
  const contains = (name: string) =>
    name.trim().length > 0 && lower.includes(name.trim().toLowerCase());
  const broken: PasswordRule[] = [];
  if (password.length < PASSWORD_POLICY.minLength) broken.push("minLength");
  if (!/\p{Ll}/u.test(password)) broken.push("lowercase");
  if (!/\p{Lu}/u.test(password)) broken.push("uppercase");
  if (!/\p{Nd}/u.test(password)) broken.push("number");
  if (usernameParts(owner.login).some((part) => lower.includes(part)))
    broken.push("noUsernameParts");
  if (contains(owner.firstName)) broken.push("noFirstName");
  if (contains(owner.lastName)) broken.push("noLastName");
  if (COMMON_PASSWORDS.has(lower)) broken.push("notCommon");
  return broken;
}
