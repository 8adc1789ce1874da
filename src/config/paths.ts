/** Every screen's URL, in one place: links never drift, and a URL leads to its screen. */
export const paths = {
  signIn: "/signin",
  signInPassword: "/signin/password",
  signInVerify: "/signin/verify",
  signInVerifySelect: "/signin/verify/select",
  activate: "/activate/:token",
  enroll: "/enroll",
  enrollPassword: "/enroll/password",
  enrollSecurityQuestion: "/enroll/security-question",
  enrollGoogleAuthenticator: "/enroll/google-authenticator",
  enrollGoogleAuthenticatorVerify: "/enroll/google-authenticator/verify",
  enrollOktaVerify: "/enroll/okta-verify",
  enrollPhone: "/enroll/phone",
  enrollPhoneVerify: "/enroll/phone/verify",
  enrollRecoveryCodes: "/enroll/recovery-codes",
  enrollPasskey: "/enroll/passkey",
  home: "/app",
  notifications: "/app/notifications",
  settings: "/settings",
  preferences: "/preferences",
  activity: "/activity",
  reportSuspiciousActivity: "/report-suspicious-activity/:token",
  traqs: "/traqs",
  traqsSelectUsername: "/traqs/select-username",
  apiManual: "/traqs/api/download/manual",
  apiProgrammatic: "/traqs/api/download/programmatic",
  help: "/help",
  unlock: "/signin/unlock",
  forgotPassword: "/signin/forgot-password",
  recovery: "/signin/recovery",
  recoveryLink: "/signin/recovery/link/:token",
  devInbox: "/dev/inbox",
  /** The Nasdaq web applications' "Two-Factor Authentication" window (`?app=` the application). */
  nasdaqLogin: "/nasdaq/login",
  nasdaqApplication: "/nasdaq/app/:application",
  nasdaqEnroll: "/nasdaq/enroll",
  /** The self-enrollment link of the MobilePASS email: the activation code in it. */
  nasdaqEnrollWithCode: "/nasdaq/enroll/:code",
  adminUsers: "/admin/users",
  adminUser: "/admin/users/:userId",
  adminOrderForm: "/admin/order-form",
  adminAuditLog: "/admin/audit-log",
  adminFirm: "/admin/firm",
} as const;

/**
 * Only a path inside this app, other than a sign-in screen (`paths.signIn`), may be returned to
 * after sign-in (no open redirect): not "//host" or "/\\host", and no whitespace, since the URL
 * parser drops a tab or newline ("/<tab>/host").
 */
export function safeReturnPath(from: string | null | undefined): string | null {
  return from && /^\/(?![/\\]|signin)\S*$/.test(from) ? from : null;
}

/** A link that keeps the page to return to after sign-in. */
export function withFrom(path: string, from: string | null): string {
  return from ? `${path}?from=${encodeURIComponent(from)}` : path;
}
