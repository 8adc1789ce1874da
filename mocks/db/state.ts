import type { AccountChange, AdminAction } from "../../src/api/contracts/account";
import type { Entitlement } from "../../src/api/contracts/admin";
import type { PhoneChannel, PushStatus, VerifyMode } from "../../src/api/contracts/authn";
import type { OutboxChannel } from "../../src/api/contracts/dev";
import type { NasdaqApplication } from "../../src/api/contracts/nasdaq";

/** A salted SHA-256 of a secret the user typed (password, security answer). */
export type SecretHash = { salt: string; hash: string };

export type GoogleAuthenticatorMethod = {
  id: string;
  type: "google_authenticator";
  secret: string;
  /** The last accepted TOTP time step: a code from it or earlier is a replay. */
  lastUsedStep: number;
  createdAt: number;
};
export type OktaVerifyMethod = {
  id: string;
  type: "okta_verify";
  deviceName: string;
  secret: string;
  lastUsedStep: number;
  createdAt: number;
};
export type PhoneMethod = {
  id: string;
  type: "phone";
  channel: PhoneChannel;
  /** E.164, e.g. +12025550143. */
  e164: string;
  extension?: string;
  createdAt: number;
};
/** A WebAuthn credential (WebAuthn L3 §6.1: what the relying party keeps of it). */
export type PasskeyMethod = {
  id: string;
  type: "passkey";
  /** The credential ID, base64url. */
  credentialId: string;
  /** The COSE public key, base64url. */
  publicKey: string;
  /** The signature counter last seen: one that goes backwards means a cloned authenticator. */
  counter: number;
  transports: string[];
  /** Backup eligible (a synced passkey) and backed up: the authenticator data's BE and BS flags. */
  backupEligible: boolean;
  backedUp: boolean;
  aaguid: string;
  /**
   * The RP ID it was made for: it signs for no other (a browser would not offer it elsewhere).
   * Absent in a state saved before it was kept: then it is not checked.
   */
  rpId?: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
};
/** A security method used for access (second factor). */
export type AccessMethod =
  GoogleAuthenticatorMethod | OktaVerifyMethod | PhoneMethod | PasskeyMethod;

export type TraqsUsernameRecord = { username: string; active: boolean };

export type User = {
  id: string;
  /** The Okta username (email address), lower-cased. */
  login: string;
  email: string;
  firstName: string;
  lastName: string;
  /**
   * STAGED: invited, not yet activated. SUSPENDED (may be reactivated) and DEACTIVATED: set by an
   * administrator; neither can sign in.
   */
  status: "STAGED" | "ACTIVE" | "SUSPENDED" | "DEACTIVATED";
  /** The firm the user belongs to; null for the help desk, which belongs to none. */
  firmId: string | null;
  /** What the user administers: their own firm (the guide's SAA), or every firm (help desk). */
  role?: "firm-administrator" | "help-desk";
  /** API entitlements per facility and environment, as the last Order Form entry set them. */
  entitlements: Entitlement[];
  /** Every Order Form entry for this user, oldest first. */
  orderForms?: { at: number; by: string; entitlements: Entitlement[] }[];
  /**
   * After an administrator's "Reset security methods": the next sign-in needs the password and a
   * code emailed to the primary email, then the set-up of a new method.
   */
  methodsReset?: boolean;
  /** When the user last signed in (the administrators' user list shows and sorts by it). */
  lastSignInAt?: number;
  password?: SecretHash;
  passwordHistory: SecretHash[];
  passwordChangedAt?: number;
  securityQuestion?: { question: string; answer: SecretHash };
  methods: AccessMethod[];
  lastUsed?: { methodId: string; mode: VerifyMode };
  sendPushAutomatically: boolean;
  traqsUsernames: TraqsUsernameRecord[];
  language: "en" | "es" | "fr" | null;
  preferences: { layout: "comfortable" | "compact"; messageSeconds: number };
  /** The unused recovery codes, hashed; each is removed once used, a new set replaces them all. */
  recoveryCodes?: { codes: SecretHash[]; createdAt: number };
  /** The invitation's "Activate Okta Account" link, for a user not yet activated. */
  activation?: { tokenHash: string; expiresAt: number; usedAt: number | null; sentAt?: number };
  /** The Nasdaq web applications the user is entitled to (Order Form). */
  nasdaqApplications: NasdaqApplication[];
  /** The 2FA-Password of the Nasdaq login, set at MobilePASS enrollment (the guide's policy). */
  twoFactorPassword?: { current: SecretHash; history: SecretHash[]; changedAt: number };
};

/** A member firm: its registered email domains and its NTF test period. */
export type FirmRecord = {
  id: string;
  name: string;
  domains: string[];
  /** When the firm said its free NTF test period starts (the notice: 30 calendar days). */
  ntfTestStartedAt: number | null;
  /** Large Broker: its many users are generated on first use, not stored (mocks/rules/firms.ts). */
  generatedUsers?: number;
  /** Made-up users whose invitation was revoked: gone, like a stored user that is removed. */
  removedUsers?: string[];
};

/** One administrative change, as the audit log keeps it: also a refused one. */
export type AuditRecord = {
  id: string;
  at: number;
  administratorId: string;
  administratorName: string;
  administratorEmail: string;
  role: "firm-administrator" | "help-desk";
  action: AdminAction;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
  firmId: string | null;
  detail: string;
  reason: string;
  result: "success" | "failure";
  error?: string;
};

/** A code or push sent during one sign-in; it belongs to that sign-in only. */
export type ChallengeRecord = {
  methodId: string;
  kind: "sms" | "voice" | "push";
  codeHash?: string;
  pushId?: string;
  pushNumber?: number;
  sentAt: number;
  resendAt: number;
  expiresAt: number;
};

export type Session = {
  id: string;
  /** The typed username, kept even when no such user exists, so that both look the same. */
  login: string | null;
  userId: string | null;
  /** ENROLLING: setting up security methods, after the activation link or a password alone. */
  stage: "IDENTIFY" | "PASSWORD" | "FACTOR" | "ENROLLING" | "RECOVERY" | "SUCCESS";
  challenge: ChallengeRecord | null;
  /** Set-ups in progress in this session; each keeps its key or code until it ends. */
  pending: PendingEnrollments;
  /** "Unlock account?" or "Forgot password?" in progress (stage RECOVERY). */
  recovery: Recovery | null;
  /**
   * After an administrator reset the user's security methods: the code emailed to the primary
   * email, which this sign-in needs after the password.
   */
  emailCode?: {
    codeHash: string;
    sentAt: number;
    resendAt: number;
    expiresAt: number;
  } | null;
  /** Shown on the sign-in that follows an unlock or a password reset. */
  notice?: "unlocked" | "passwordReset";
  /** "Verify it's you" inside a signed-in session (Settings, removals, resets). */
  stepUp: StepUp | null;
  /** The WebAuthn challenge handed out last in this session; used once, then gone. */
  passkeyChallenge?: PasskeyChallenge | null;
  traqsUsername: string | null;
  /** The current refresh token is shown in full to this session until then (Get Token, "Show token"). */
  tokenShown?: { tokenId: string; until: number };
  createdAt: number;
  lastSeenAt: number;
  userAgent: string;
};

/**
 * A registration or authentication challenge (WebAuthn L3 §13.4.3): random, single use, short
 * lived, and good only for the ceremony it was made for.
 */
export type PasskeyChallenge = {
  /** base64url of 32 random bytes. */
  challenge: string;
  ceremony: "register" | "sign-in" | "step-up";
  expiresAt: number;
};

export type Recovery = {
  kind: "unlock" | "reset";
  stage: "SEND" | "SENT" | "QUESTION" | "NEW_PASSWORD";
  codeHash: string | null;
  tokenHash: string | null;
  sentAt: number | null;
  resendAt: number | null;
  expiresAt: number | null;
  /** Emails sent for this login recently, for the per-account limit. */
  failures: number;
};

/** A verification in progress: the sign-in itself (on the session) or a step-up. */
export type VerificationStage = "PASSWORD" | "FACTOR" | "SUCCESS";

export type StepUp = {
  /** "view" opens Settings (a security method); "change" precedes a reset, removal or set-up. */
  purpose: "view" | "change" | "token" | "show-token";
  /** For "change": the one change it is made for. */
  change: AccountChange | null;
  stage: VerificationStage;
  challenge: ChallengeRecord | null;
  /**
   * When a step-up last succeeded (a method; or the password, to open Settings): Settings stays
   * open 15 minutes after.
   */
  factorAt: number | null;
  /**
   * A completed "change" (password and method) or "token" (a method) verification, used up by the
   * action it was made for only: a Get Token verification never allows a password reset, nor one
   * made to remove a method another change.
   */
  grant: {
    purpose: "change" | "token" | "show-token";
    change: AccountChange | null;
    at: number;
  } | null;
};

export type PendingEnrollments = {
  googleAuthenticator?: { secret: string };
  oktaVerify?: {
    id: string;
    secret: string;
    status: "waiting" | "confirmed";
    deviceName?: string;
    expiresAt: number;
  };
  phone?: {
    channel: PhoneChannel;
    e164: string;
    extension?: string;
    codeHash: string;
    sentAt: number;
    resendAt: number;
    expiresAt: number;
  };
};

/** A refresh token for scripts (guide Section 5): 6 months, revocable, replaced by Get Token. */
export type RefreshTokenRecord = {
  id: string;
  userId: string;
  /** SHA-256 of the token: the token endpoint looks tokens up by it. */
  tokenHash: string;
  /** The last 4 characters, for the masked token ("••••••••abcd"). */
  last4: string;
  /**
   * The token sealed under the database's sealing key, while it is current, so that the page can
   * show it again after a fresh verification; dropped when the token ends.
   */
  sealed: string | null;
  requestedAt: number;
  expiresAt: number;
  revokedAt: number | null;
  endedReason: "revoked" | "replaced" | "expired" | null;
  lastUsedAt: number | null;
  reminderSentAt: number | null;
};

/** An access token made from a refresh token: 3600 s; several may be live at once. */
export type AccessTokenRecord = {
  tokenHash: string;
  refreshTokenId: string;
  userId: string;
  expiresAt: number;
};

/**
 * A MobilePASS token (Nasdaq two-factor login): issued by the help desk or the firm's
 * administrator, activated once with the emailed code (7 days), enrolled with one passcode.
 */
export type MobilePassToken = {
  id: string;
  userId: string;
  /** The token's serial number, as the MobilePASS app and Settings show it. */
  serial: string;
  /** The OATH TOTP seed, base32 (160 bits). */
  secret: string;
  /** The last accepted passcode's time step: a passcode from it or earlier is a replay. */
  lastUsedStep: number;
  activation: { codeHash: string; expiresAt: number; usedAt: number | null };
  issuedAt: number;
  issuedBy: string;
  enrolledAt: number | null;
  lastUsedAt: number | null;
  /** Revoked (by an administrator, a reissue, or removed by the user): it stops at once. */
  revokedAt: number | null;
};

/** A session of the Nasdaq web applications: its own cookie, apart from the Okta dashboard's. */
export type NasdaqSession = { id: string; userId: string; createdAt: number; lastSeenAt: number };

/** Failure count per typed login (known or not: an unknown one locks the same way). */
export type LoginAttempts = { failures: number; lockedUntil: number };

export type OutboxRecord = {
  id: string;
  channel: OutboxChannel;
  to: string;
  userId: string | null;
  subject?: string;
  text: string;
  code?: string;
  link?: string;
  /** An email's call to action: the line of `text` that is the link, as in the guide's emails. */
  linkText?: string;
  sentAt: number;
  /** Security notifications: the token of their "Report Suspicious Activity" link. */
  reportToken?: string;
  /** When that link was used: it works once. */
  reportedAt?: number;
  push?: {
    /** The Okta Verify method it was sent to: removing the method cancels it. */
    methodId: string;
    correctNumber: number | null;
    status: PushStatus;
    expiresAt: number;
  };
};

export type ActivityType =
  | "sign_in"
  | "sign_in_password_failed"
  | "factor_failed"
  | "account_locked"
  | "sign_out"
  | "account_activated"
  | "password_set"
  | "security_question_set"
  | "method_enrolled"
  | "method_removed"
  | "security_question_removed"
  | "password_reset"
  | "suspicious_activity_reported"
  | "account_unlocked"
  | "password_recovered"
  | "recovery_codes_generated"
  | "recovery_code_used"
  | "passkey_counter_refused"
  | "mobilepass_issued"
  | "mobilepass_enrolled"
  | "mobilepass_revoked"
  | "nasdaq_sign_in"
  | "nasdaq_sign_in_failed"
  | "nasdaq_locked"
  /** An administrator changed the account (detail: what); the Recent Activity says so. */
  | "administrator_change";

export type ActivityRecord = {
  id: string;
  reported?: boolean;
  userId: string;
  type: ActivityType;
  at: number;
  detail?: string;
  userAgent: string;
};

export type MockState = {
  schemaVersion: number;
  /** How far the mock clock runs ahead of the real one. */
  clockOffsetMs: number;
  users: User[];
  firms: FirmRecord[];
  auditLog: AuditRecord[];
  sessions: Session[];
  loginAttempts: Record<string, LoginAttempts>;
  refreshTokens: RefreshTokenRecord[];
  accessTokens: AccessTokenRecord[];
  /** The day of each user's last download of each file ("userId|facility|file"), for Delta. */
  lastDownloads: Record<string, number>;
  /** When recovery emails were sent, per login: at most a few in a quarter hour. */
  recoveryEmails: Record<string, number[]>;
  /** When SMS, voice codes and pushes were sent, per method id, in the last hour: the send limits. */
  challengeSends: Record<string, number[]>;
  /** When each administrator's Order Form named a TRAQS username already taken (rules/order-form). */
  takenUsernameTries?: Record<string, number[]>;
  outbox: OutboxRecord[];
  activity: ActivityRecord[];
  /**
   * Challenges of "Sign in with a passkey" and autofill that were used, until they expire: the
   * waiting ones are not stored (each is sealed, rules/passkeys.ts), so none can be pushed out.
   */
  passkeySignInChallengesUsed?: { challenge: string; expiresAt: number }[];
  mobilePassTokens: MobilePassToken[];
  nasdaqSessions: NasdaqSession[];
  /** Failures on the "Two-Factor Authentication" window, per typed User Name. */
  nasdaqLoginAttempts: Record<string, LoginAttempts>;
  /** The development phone's MobilePASS app: the ids of the tokens added to it. */
  devMobilePass: string[];
};

export const SCHEMA_VERSION = 10;
