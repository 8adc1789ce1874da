/** The numbers of SPEC.md and SECURITY.md that the mock enforces, in one place. */
export const POLICY = {
  /** Consecutive failures (passwords or codes) that lock an account: FINRA's own setting. */
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  /** SMS and voice codes. */
  smsCodeDigits: 6,
  voiceCodeDigits: 5,
  codeLifetimeMinutes: 5,
  resendAfterSeconds: 30,
  pushLifetimeMinutes: 5,
  /** A session with no request for this long has ended. */
  sessionIdleMinutes: 120,
  activationLinkDays: 30,
};
export type Policy = typeof POLICY;

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
