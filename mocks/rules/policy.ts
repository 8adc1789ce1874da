/** The numbers of SPEC.md and SECURITY.md that the mock enforces, in one place. */
export const POLICY = {
  /**
   * Consecutive failures (passwords or codes) that lock an account: FINRA's own setting, 5. The
   * local server takes another from MOCK_LOCKOUT_THRESHOLD.
   */
  lockoutThreshold: Number(
    (typeof process === "undefined" ? undefined : process.env.MOCK_LOCKOUT_THRESHOLD) ?? 5,
  ),
  lockoutMinutes: 15,
  /** SMS and voice codes. */
  smsCodeDigits: 6,
  voiceCodeDigits: 5,
  codeLifetimeMinutes: 5,
  resendAfterSeconds: 30,
  /** SMS, voice codes and pushes to one method in an hour, across all of the account's sessions. */
  sendsPerHour: 10,
  pushLifetimeMinutes: 5,
  /** A session with no request for this long has ended. */
  sessionIdleMinutes: 120,
  activationLinkDays: 30,
  /** The "Report Suspicious Activity" link of a notification email works once, for this long. */
  reportLinkDays: 30,
  /** Unlock: the emailed link and code. Reset: the emailed link (guide: 8 hours). */
  unlockLinkMinutes: 5,
  resetLinkHours: 8,
  /** Recovery emails per login in a quarter hour; then "try again later". */
  recoveryEmailsPerQuarterHour: 3,
  /** Guide Section 5 and FAQ: refresh tokens 6 months, a reminder 15 days before; access 3600 s. */
  refreshTokenMonths: 6,
  refreshReminderDays: 15,
  accessTokenSeconds: 3600,
  /** The whole refresh token is shown this long after Get Token or a "Show token" verification. */
  refreshTokenShownMinutes: 5,
  /** The code emailed for the sign-in after an administrator reset the security methods. */
  emailCodeMinutes: 10,
  /** Wrong codes or answers before a recovery ends and must start again. */
  recoveryAttempts: 5,
  /** A MobilePASS token's emailed activation code: single use, this long (Nasdaq). */
  mobilePassActivationDays: 7,
};
export type Policy = typeof POLICY;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * 60 * MINUTE;
