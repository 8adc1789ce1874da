/** The kinds of security method (and the unlock email) that the guide's screens show an icon for. */
export type MethodIconKind =
  | "password"
  | "securityQuestion"
  | "googleAuthenticator"
  | "oktaVerify"
  | "phone"
  | "email"
  | "recoveryCodes"
  | "passkey";

// Simple line drawings on a 24-unit grid; the method's name is always written beside the icon.
const PATHS: Record<MethodIconKind, string> = {
  // A padlock with asterisks, as on "Verify with your password".
  password: "M7 10V7a5 5 0 0 1 10 0v3M5 10h14v11H5zM9 15.5h.01M12 15.5h.01M15 15.5h.01",
  // A question mark in a circle.
  securityQuestion:
    "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17h.01",
  // The authenticator's asterisk in a rounded square.
  googleAuthenticator:
    "M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zM12 7v10M7.7 9.5l8.6 5M7.7 14.5l8.6-5",
  // A shield with a tick.
  oktaVerify: "M12 3l7 3v5c0 4.5-3 8.4-7 10-4-1.6-7-5.5-7-10V6zM8.5 12l2.5 2.5 4.5-5",
  // A mobile phone.
  phone: "M8 2h8a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zM11 18h2",
  // An envelope.
  email: "M3 6h18v12H3zM3 6l9 7 9-7",
  // A sheet with lines of codes.
  recoveryCodes: "M6 3h12v18H6zM9 8h6M9 12h6M9 16h4",
  // A key.
  passkey:
    "M14.5 4a5.5 5.5 0 1 1-4.9 8L4 17.6V20h3v-2h2v-2h2l1.1-1.1A5.5 5.5 0 0 1 14.5 4zM16 8h.01",
};

/** The method's icon: decorative, hidden from assistive technology (the name is in the text). */
export function MethodIcon({ kind }: { kind: MethodIconKind }) {
  return (
    <svg
      className="method-icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[kind]} />
    </svg>
  );
}
