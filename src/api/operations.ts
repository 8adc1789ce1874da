import * as z from "zod/mini";
import {
  AccountState,
  ActivityPage,
  Preferences,
  ReportRequest,
  ReportResult,
  ResetPasswordRequest,
  SetLanguageRequest,
  StartStepUpRequest,
} from "./contracts/account";
import {
  AccessTokenResponse,
  ApiCatalog,
  DownloadAction,
  RefreshTokens,
} from "./contracts/api-download";
import {
  AuthnState,
  ChallengeRequest,
  EmailCodeRequest,
  IdentifyRequest,
  PasswordRequest,
  VerifyCodeRequest,
} from "./contracts/authn";
import type { ErrorCode } from "./contracts/error-codes";
import {
  AdvanceClockRequest,
  ClockState,
  ConfirmOktaVerifyRequest,
  Ok,
  OktaVerifyApp,
  Outbox,
  OutboxMessage,
  PushDecisionRequest,
} from "./contracts/dev";
import {
  ActivateRequest,
  EnrollCodeRequest,
  EnrollmentState,
  EnrollPhoneRequest,
  OktaVerifyEnrollment,
  PhoneEnrollment,
  RecoveryCodes,
  SecurityQuestions,
  SetPasswordRequest,
  SetSecurityQuestionRequest,
  TotpEnrollment,
} from "./contracts/enrollment";
import {
  AdminActionRequest,
  AuditPage,
  AuditSearchRequest,
  EditEntitlementsRequest,
  EditNasdaqApplicationsRequest,
  Firm,
  Firms,
  OrderFormRequest,
  SetAdministratorRequest,
  SetTraqsUsernameRequest,
  SIMPLE_USER_ACTIONS,
  type SimpleUserAction,
  StartNtfTestRequest,
  UpdateProfileRequest,
  UserDetail,
  UserSearchAnswer,
  UserSearchRequest,
} from "./contracts/admin";
import { Me, SelectTraqsUsernameRequest } from "./contracts/me";
import {
  ActivateTokenRequest,
  AddToMobilePassRequest,
  AdminMobilePass,
  DevMobilePassApp,
  MOBILEPASS_ADMIN_ACTIONS,
  type MobilePassAdminAction,
  NasdaqEnrollment,
  NasdaqLoginRequest,
  NasdaqSessionState,
  ProveTokenRequest,
  SetTwoFactorPasswordRequest,
} from "./contracts/nasdaq";
import {
  PasskeyAssertion,
  PasskeyCreationOptions,
  PasskeyRegistration,
  PasskeyRequestOptions,
  RenamePasskeyRequest,
} from "./contracts/passkeys";
import {
  RecoveryAnswerRequest,
  RecoveryLinkRequest,
  RecoveryState,
  StartRecoveryRequest,
} from "./contracts/recovery";
import { RecoveryCodeRequest } from "./contracts/recovery-codes";
import { CreatedUser, CreateUserRequest } from "./contracts/scenarios";
import { TokenRequest } from "./contracts/oauth";

/*
 * Every endpoint of the contract, once: what `npm run openapi` publishes (src/api/openapi.ts), what
 * the mock must answer (src/api/operations.test.ts) and what the conformance suite calls. The app
 * never imports this file: the first page's bundle stays as it is. Adding an endpoint is one entry.
 */

/**
 * Who may call an endpoint:
 * - `public`: anyone; a session cookie, if sent, is read (a sign-in in progress) and may be set;
 * - `signedIn`: a signed-in session cookie, else 401 UNAUTHENTICATED;
 * - `setUp`: a set-up in progress (the activation link's session) or a signed-in user who verified
 *   for it, else 401 UNAUTHENTICATED or 403 STEP_UP_REQUIRED;
 * - `bearer`: `Authorization: Bearer <access token>` (RFC 6750), for scripts;
 * - `client`: no credential in a header; the refresh token is in the form body (RFC 6749 §6);
 * - `administrator`: a signed-in administrator (`Me.administration`: a firm administrator or the
 *   help desk), else 401 UNAUTHENTICATED, or 403 FORBIDDEN for anyone else signed in; a firm
 *   administrator asking for another firm's user or firm is answered 404 NOT_FOUND, exactly as for
 *   one that does not exist;
 * - `nasdaq`: the Nasdaq applications' own session cookie (`nasdaq_sid`), apart from the Okta
 *   dashboard's; anyone may call, the cookie, if sent, is read and may be set or ended;
 * - `development`: the mock backend's development endpoints only; no real backend has them.
 */
export type Caller =
  | "public"
  | "signedIn"
  | "setUp"
  | "bearer"
  | "client"
  | "administrator"
  | "nasdaq"
  | "development";

export type Tag =
  | "Sign-in"
  | "Set-up"
  | "Recovery"
  | "Session"
  | "Settings"
  | "API download"
  | "Scripts"
  | "Administrators"
  | "Nasdaq"
  | "Development";

type Schema = z.ZodMiniType;

/** A query parameter of a GET. */
export type QueryParameter = { name: string; schema: Schema; required: boolean };

export type Operation = {
  method: "get" | "post" | "put" | "delete";
  /** OpenAPI's form: path parameters in braces, `/api/account/methods/{id}`. */
  path: string;
  /** The operationId: a verb phrase in the guide's terms. */
  id: string;
  tag: Tag;
  summary: string;
  caller: Caller;
  query?: readonly QueryParameter[];
  /** The JSON body; `form`: an application/x-www-form-urlencoded body (the token endpoint). */
  request?: Schema | { form: Schema };
  /** 200 (or `status`) with this JSON; null: 204 with no body; `file`: a file download. */
  response: Schema | null | { file: string };
  status?: 201;
  /**
   * The errors particular to this endpoint, as status and code. Those every endpoint of its kind
   * may answer are added by the generator (`commonErrors` in src/api/openapi.ts).
   */
  errors?: ReadonlyArray<readonly [number, ErrorCode]>;
  /** The OAuth error codes (RFC 6749 §5.2, RFC 6750 §3.1) of the endpoints for scripts. */
  oauthErrors?: ReadonlyArray<readonly [number, string]>;
};

/** The answers of a code or push step of a verification (sign-in or "Verify it's you"). */
const VERIFY_STEP = [
  [401, "INVALID_CODE"],
  [401, "CODE_EXPIRED"],
  [403, "ACCOUNT_LOCKED"],
  [404, "NOT_FOUND"],
  [409, "WRONG_STEP"],
] as const;
const CHALLENGE_STEP = [
  [403, "ACCOUNT_LOCKED"],
  [404, "NOT_FOUND"],
  [409, "WRONG_STEP"],
  [429, "RATE_LIMITED"],
] as const;
const PASSWORD_STEP = [
  [401, "INVALID_CREDENTIALS"],
  [403, "ACCOUNT_LOCKED"],
  [409, "WRONG_STEP"],
] as const;
const POLL_STEP = [
  [401, "PUSH_DENIED"],
  [401, "PUSH_WRONG_NUMBER"],
  [401, "PUSH_EXPIRED"],
  [403, "ACCOUNT_LOCKED"],
  [409, "WRONG_STEP"],
] as const;
const PASSKEY_VERIFY = [
  [401, "PASSKEY_REFUSED"],
  [403, "ACCOUNT_LOCKED"],
  [409, "WRONG_STEP"],
] as const;
const SET_UP_CODE = [
  [401, "INVALID_CODE"],
  [401, "CODE_EXPIRED"],
  [401, "CLOCK_SKEW"],
  [403, "STEP_UP_REQUIRED"],
  [409, "WRONG_STEP"],
] as const;
const RECOVERY_STEP = [
  [409, "WRONG_STEP"],
  [409, "RECOVERY_ENDED"],
] as const;
const GRANT = [[403, "STEP_UP_REQUIRED"]] as const;
/**
 * Every administrative change: the role may not make it (403 FORBIDDEN, e.g. the help desk's
 * Order Form), the user or firm is not there for this administrator (404), or no fresh "Verify it's
 * you" made for this action and target (403 STEP_UP_REQUIRED). Checked in that order.
 */
const ADMIN_CHANGE = [
  [403, "FORBIDDEN"],
  [403, "STEP_UP_REQUIRED"],
  [404, "NOT_FOUND"],
] as const;
const ADDRESS_RULES = [
  [409, "SHARED_ADDRESS"],
  [409, "OUTSIDE_DOMAIN"],
  [409, "ADDRESS_TAKEN"],
] as const;

/** What each MobilePASS action of an administrator does (docs/backend.md, Nasdaq). */
const MOBILEPASS_ACTION_SUMMARY: Record<MobilePassAdminAction, string> = {
  issue:
    "Issue a MobilePASS token (an Active user, an individual address, entitled to a Nasdaq application, without a token): its activation code is emailed, valid 7 days.",
  resend: "Resend the activation code of a token not yet enrolled.",
  revoke: "Revoke the user's MobilePASS token.",
  reissue: "Revoke the user's token and issue a new one.",
  unlock: "Unlock the user's Nasdaq login (locked after 5 failures on the window).",
};

/** What each simple action of an administrator does (POST /api/admin/users/{id}/<action>). */
const SIMPLE_ACTION_SUMMARY: Record<SimpleUserAction, string> = {
  resendInvitation: "Resend invitation: a new link, valid 30 days (an Invited user only).",
  revokeInvitation: "Revoke invitation: the link stops working and the invited user is removed.",
  unlock: "Unlock: end the lockout (a Locked user only).",
  resetMethods:
    "Reset security methods (lost phone): every method, the security question and recovery codes go; the password stays; the user's sessions end.",
  sendPasswordReset: "Send a password reset email (“Forgot password?” link).",
  signOutEverywhere: "Sign out everywhere: every session of the user ends.",
  revokeTokens: "Revoke the user's API refresh token (and its access tokens).",
  suspend: "Suspend: the user cannot sign in; their sessions end.",
  reactivate: "Reactivate a suspended user.",
  deactivate: "Deactivate for good (also an Invited user); sessions and tokens end.",
};

/** The password, code, recovery-code, push and passkey steps of one verification flow. */
/** `passwordErrors`: what the password step of this flow may answer besides PASSWORD_STEP. */
function verificationSteps(
  base: string,
  tag: Tag,
  caller: Caller,
  flow: string,
  passwordErrors: Operation["errors"] = [],
): Operation[] {
  const step = (
    path: string,
    id: string,
    summary: string,
    request: Schema | undefined,
    response: Schema,
    errors: Operation["errors"],
  ): Operation => ({
    method: "post",
    path: `${base}${path}`,
    id: `${id}${flow}`,
    tag,
    summary,
    caller,
    ...(request ? { request } : {}),
    response,
    errors,
  });
  return [
    step("/password", "verifyPassword", "Verify the password.", PasswordRequest, AuthnState, [
      ...PASSWORD_STEP,
      ...passwordErrors,
    ]),
    step(
      "/challenge",
      "sendChallenge",
      "Send a code by SMS or voice call, or an Okta Verify push; or choose a method to type a code from.",
      ChallengeRequest,
      AuthnState,
      [...CHALLENGE_STEP],
    ),
    step(
      "/verify",
      "verifyCode",
      "Verify a code from a security method.",
      VerifyCodeRequest,
      AuthnState,
      [...VERIFY_STEP, [401, "CLOCK_SKEW"], [401, "CODE_ALREADY_USED"]],
    ),
    step(
      "/recovery-code",
      "verifyRecoveryCode",
      "Verify with one of the user's recovery codes (used up).",
      RecoveryCodeRequest,
      AuthnState,
      [...VERIFY_STEP],
    ),
    step(
      "/poll",
      "pollPush",
      "Ask whether the Okta Verify push was answered.",
      undefined,
      AuthnState,
      [...POLL_STEP],
    ),
    step(
      "/passkey/options",
      "passkeyOptions",
      "The WebAuthn options to verify with one of the user's passkeys.",
      undefined,
      PasskeyRequestOptions,
      [
        [404, "NOT_FOUND"],
        [409, "WRONG_STEP"],
      ],
    ),
    step(
      "/passkey/verify",
      "verifyPasskey",
      "Verify a passkey's signed assertion.",
      PasskeyAssertion,
      AuthnState,
      [...PASSKEY_VERIFY],
    ),
  ];
}

export const operations: readonly Operation[] = [
  // Sign-in (guide Section 3)
  {
    method: "get",
    path: "/api/authn",
    id: "getSignIn",
    tag: "Sign-in",
    summary: "Where this browser's sign-in stands.",
    caller: "public",
    response: AuthnState,
  },
  {
    method: "post",
    path: "/api/authn/identify",
    id: "identify",
    tag: "Sign-in",
    summary: "Username → Next: starts a sign-in (a new session cookie).",
    caller: "public",
    request: IdentifyRequest,
    response: AuthnState,
  },
  // The sign-in's password step also refuses a suspended or deactivated account, and, after a
  // reset of the security methods, emails a code within the account's limits.
  ...verificationSteps("/api/authn", "Sign-in", "public", "", [
    [403, "ACCOUNT_SUSPENDED"],
    [403, "ACCOUNT_DEACTIVATED"],
    [429, "RATE_LIMITED"],
  ]),
  {
    method: "post",
    path: "/api/authn/email-code",
    id: "verifyEmailCode",
    tag: "Sign-in",
    summary:
      "The code emailed after an administrator reset the security methods (AuthnState.emailCode): then the set-up (ENROLL).",
    caller: "public",
    request: EmailCodeRequest,
    response: AuthnState,
    errors: [
      [401, "INVALID_CODE"],
      [401, "CODE_EXPIRED"],
      [403, "ACCOUNT_LOCKED"],
      [409, "WRONG_STEP"],
    ],
  },
  {
    method: "post",
    path: "/api/authn/email-code/resend",
    id: "resendEmailCode",
    tag: "Sign-in",
    summary:
      "Email a new code (after AuthnState.emailCode.resendAt); the one before stops working.",
    caller: "public",
    response: AuthnState,
    errors: [
      [403, "ACCOUNT_LOCKED"],
      [409, "WRONG_STEP"],
      [429, "RATE_LIMITED"],
    ],
  },
  {
    method: "post",
    path: "/api/authn/passkey-sign-in/options",
    id: "passkeySignInOptions",
    tag: "Sign-in",
    summary: "The WebAuthn options of “Sign in with a passkey” and autofill (no session).",
    caller: "public",
    response: PasskeyRequestOptions,
  },
  {
    method: "post",
    path: "/api/authn/passkey-sign-in/verify",
    id: "passkeySignIn",
    tag: "Sign-in",
    summary: "Sign in with a discoverable passkey: signed in at once.",
    caller: "public",
    request: PasskeyAssertion,
    response: AuthnState,
    errors: [...PASSKEY_VERIFY],
  },
  {
    method: "post",
    path: "/api/authn/cancel",
    id: "cancelSignIn",
    tag: "Sign-in",
    summary: "Ends the sign-in in progress (Back to sign in).",
    caller: "public",
    response: AuthnState,
  },

  // Set-up of security methods (guide Section 1), also from Settings
  {
    method: "post",
    path: "/api/enroll/activate",
    id: "activate",
    tag: "Set-up",
    summary: "The invitation's “Activate Okta Account” link: starts the set-up.",
    caller: "public",
    request: ActivateRequest,
    response: EnrollmentState,
    errors: [
      [404, "ACTIVATION_INVALID"],
      [410, "ACTIVATION_USED"],
      [410, "ACTIVATION_EXPIRED"],
    ],
  },
  {
    method: "get",
    path: "/api/enroll",
    id: "getSetUp",
    tag: "Set-up",
    summary: "Where the set-up stands.",
    caller: "setUp",
    response: EnrollmentState,
    errors: [[403, "STEP_UP_REQUIRED"]],
  },
  {
    method: "get",
    path: "/api/enroll/security-questions",
    id: "listSecurityQuestions",
    tag: "Set-up",
    summary: "The security questions to choose from.",
    caller: "setUp",
    response: SecurityQuestions,
    errors: [[403, "STEP_UP_REQUIRED"]],
  },
  {
    method: "post",
    path: "/api/enroll/password",
    id: "setPassword",
    tag: "Set-up",
    summary: "Set the password (the password rules of SPEC.md).",
    caller: "setUp",
    request: SetPasswordRequest,
    response: EnrollmentState,
    errors: [
      [400, "PASSWORD_POLICY"],
      [403, "STEP_UP_REQUIRED"],
    ],
  },
  {
    method: "post",
    path: "/api/enroll/security-question",
    id: "setSecurityQuestion",
    tag: "Set-up",
    summary: "Set the security question and its answer (at least 3 characters).",
    caller: "setUp",
    request: SetSecurityQuestionRequest,
    response: EnrollmentState,
    errors: [[403, "STEP_UP_REQUIRED"]],
  },
  {
    method: "post",
    path: "/api/enroll/google-authenticator",
    id: "startGoogleAuthenticator",
    tag: "Set-up",
    summary: "Start Google Authenticator: the key and its otpauth URI (the QR code).",
    caller: "setUp",
    response: TotpEnrollment,
    errors: [
      [403, "STEP_UP_REQUIRED"],
      [409, "ALREADY_ENROLLED"],
    ],
  },
  {
    method: "post",
    path: "/api/enroll/google-authenticator/verify",
    id: "verifyGoogleAuthenticator",
    tag: "Set-up",
    summary: "Finish Google Authenticator with a code from the app.",
    caller: "setUp",
    request: EnrollCodeRequest,
    response: EnrollmentState,
    errors: [...SET_UP_CODE],
  },
  {
    method: "post",
    path: "/api/enroll/okta-verify",
    id: "startOktaVerify",
    tag: "Set-up",
    summary: "Start Okta Verify, or ask whether the phone has scanned the QR code.",
    caller: "setUp",
    response: OktaVerifyEnrollment,
    errors: [[403, "STEP_UP_REQUIRED"]],
  },
  {
    method: "get",
    path: "/api/enroll/phone",
    id: "getPhoneSetUp",
    tag: "Set-up",
    summary: "The phone set-up waiting for its code.",
    caller: "setUp",
    response: PhoneEnrollment,
    errors: [
      [403, "STEP_UP_REQUIRED"],
      [404, "NOT_FOUND"],
    ],
  },
  {
    method: "post",
    path: "/api/enroll/phone",
    id: "startPhone",
    tag: "Set-up",
    summary: "Send a code to a phone by SMS or voice call.",
    caller: "setUp",
    request: EnrollPhoneRequest,
    response: PhoneEnrollment,
    errors: [
      [400, "INVALID_PHONE"],
      [403, "STEP_UP_REQUIRED"],
      [429, "RATE_LIMITED"],
    ],
  },
  {
    method: "post",
    path: "/api/enroll/phone/resend",
    id: "resendPhoneCode",
    tag: "Set-up",
    summary: "Send again / Call again.",
    caller: "setUp",
    response: PhoneEnrollment,
    errors: [
      [403, "STEP_UP_REQUIRED"],
      [409, "WRONG_STEP"],
      [429, "RATE_LIMITED"],
    ],
  },
  {
    method: "post",
    path: "/api/enroll/phone/verify",
    id: "verifyPhone",
    tag: "Set-up",
    summary: "Finish the phone with the code it received.",
    caller: "setUp",
    request: EnrollCodeRequest,
    response: EnrollmentState,
    errors: [...SET_UP_CODE],
  },
  {
    method: "post",
    path: "/api/enroll/passkey/options",
    id: "passkeyRegistrationOptions",
    tag: "Set-up",
    summary: "The WebAuthn options to register a passkey.",
    caller: "setUp",
    response: PasskeyCreationOptions,
    errors: [
      [403, "STEP_UP_REQUIRED"],
      [409, "PASSKEY_LIMIT"],
    ],
  },
  {
    method: "post",
    path: "/api/enroll/passkey/verify",
    id: "registerPasskey",
    tag: "Set-up",
    summary: "Register the passkey the browser created.",
    caller: "setUp",
    request: PasskeyRegistration,
    response: EnrollmentState,
    errors: [
      [401, "PASSKEY_REFUSED"],
      [403, "STEP_UP_REQUIRED"],
      [409, "ALREADY_ENROLLED"],
      [409, "WRONG_STEP"],
    ],
  },
  {
    method: "post",
    path: "/api/enroll/recovery-codes",
    id: "generateRecoveryCodes",
    tag: "Set-up",
    summary: "A new set of 10 recovery codes, shown once; the old set is void.",
    caller: "setUp",
    response: RecoveryCodes,
    errors: [
      [403, "STEP_UP_REQUIRED"],
      [409, "ENROLLMENT_INCOMPLETE"],
    ],
  },
  {
    method: "post",
    path: "/api/enroll/finish",
    id: "finishSetUp",
    tag: "Set-up",
    summary: "Finish (or “Set up later”): needs password, security question and one method.",
    caller: "setUp",
    response: AuthnState,
    errors: [
      [409, "ENROLLMENT_INCOMPLETE"],
      [409, "WRONG_STEP"],
    ],
  },

  // Unlock account? and Forgot password? (guide Section 4)
  {
    method: "get",
    path: "/api/recovery",
    id: "getRecovery",
    tag: "Recovery",
    summary: "Where the unlock or password reset stands.",
    caller: "public",
    response: RecoveryState,
    errors: [[409, "RECOVERY_ENDED"]],
  },
  {
    method: "post",
    path: "/api/recovery/start",
    id: "startRecovery",
    tag: "Recovery",
    summary: "Unlock account? or Forgot password? for a username (same answer whether it exists).",
    caller: "public",
    request: StartRecoveryRequest,
    response: RecoveryState,
  },
  {
    method: "post",
    path: "/api/recovery/send",
    id: "sendRecoveryEmail",
    tag: "Recovery",
    summary: "Send me an email: a link and a code.",
    caller: "public",
    response: RecoveryState,
    errors: [...RECOVERY_STEP, [429, "RATE_LIMITED"]],
  },
  {
    method: "post",
    path: "/api/recovery/verify",
    id: "verifyRecoveryEmailCode",
    tag: "Recovery",
    summary: "The code from the email.",
    caller: "public",
    request: EnrollCodeRequest,
    response: RecoveryState,
    errors: [...RECOVERY_STEP, [401, "INVALID_CODE"], [401, "CODE_EXPIRED"]],
  },
  {
    method: "post",
    path: "/api/recovery/link",
    id: "openRecoveryLink",
    tag: "Recovery",
    summary: "The link from the email (any browser).",
    caller: "public",
    request: RecoveryLinkRequest,
    response: RecoveryState,
    errors: [[410, "RECOVERY_ENDED"]],
  },
  {
    method: "post",
    path: "/api/recovery/answer",
    id: "answerSecurityQuestion",
    tag: "Recovery",
    summary: "The answer to the security question.",
    caller: "public",
    request: RecoveryAnswerRequest,
    response: RecoveryState,
    errors: [...RECOVERY_STEP, [401, "INVALID_ANSWER"]],
  },
  {
    method: "post",
    path: "/api/recovery/password",
    id: "setRecoveredPassword",
    tag: "Recovery",
    summary: "Forgot password?: the new password; sign-in continues with a security method.",
    caller: "public",
    request: SetPasswordRequest,
    response: RecoveryState,
    errors: [...RECOVERY_STEP, [400, "PASSWORD_POLICY"]],
  },

  // The signed-in session
  {
    method: "get",
    path: "/api/me",
    id: "getMe",
    tag: "Session",
    summary: "The signed-in user.",
    caller: "signedIn",
    response: Me,
  },
  {
    method: "post",
    path: "/api/me/traqs-username",
    id: "chooseTraqsUsername",
    tag: "Session",
    summary: "Choose the TRAQS username for this session.",
    caller: "signedIn",
    request: SelectTraqsUsernameRequest,
    response: Me,
    errors: [
      [404, "NOT_FOUND"],
      [409, "USERNAME_INACTIVE"],
    ],
  },
  {
    method: "delete",
    path: "/api/session",
    id: "signOut",
    tag: "Session",
    summary: "Sign out: the session ends and its cookie is cleared.",
    caller: "public",
    response: null,
  },

  // "Verify it's you" and Settings (guide Section 2)
  {
    method: "post",
    path: "/api/step-up/start",
    id: "startStepUp",
    tag: "Settings",
    summary: "Start “Verify it's you” for one purpose: open Settings, one change, or a token.",
    caller: "signedIn",
    request: StartStepUpRequest,
    response: AuthnState,
  },
  {
    method: "get",
    path: "/api/step-up",
    id: "getStepUp",
    tag: "Settings",
    summary: "Where “Verify it's you” stands.",
    caller: "signedIn",
    response: AuthnState,
  },
  ...verificationSteps("/api/step-up", "Settings", "signedIn", "ForStepUp"),
  {
    method: "get",
    path: "/api/account",
    id: "getAccount",
    tag: "Settings",
    summary: "Settings: personal information, language and security methods.",
    caller: "signedIn",
    response: AccountState,
    errors: [...GRANT],
  },
  {
    method: "put",
    path: "/api/account/language",
    id: "setLanguage",
    tag: "Settings",
    summary: "The display language.",
    caller: "signedIn",
    request: SetLanguageRequest,
    response: AccountState,
    errors: [...GRANT],
  },
  {
    method: "delete",
    path: "/api/account/methods/{id}",
    id: "removeMethod",
    tag: "Settings",
    summary: "Remove a security method (after its change verification); never the last one.",
    caller: "signedIn",
    response: AccountState,
    errors: [...GRANT, [404, "NOT_FOUND"], [409, "LAST_METHOD"]],
  },
  {
    method: "put",
    path: "/api/account/methods/{id}/name",
    id: "renamePasskey",
    tag: "Settings",
    summary: "Rename a passkey.",
    caller: "signedIn",
    request: RenamePasskeyRequest,
    response: AccountState,
    errors: [...GRANT, [404, "NOT_FOUND"]],
  },
  {
    method: "delete",
    path: "/api/account/security-question",
    id: "removeSecurityQuestion",
    tag: "Settings",
    summary: "Remove the security question (after its change verification).",
    caller: "signedIn",
    response: AccountState,
    errors: [...GRANT, [404, "NOT_FOUND"]],
  },
  {
    method: "post",
    path: "/api/account/password",
    id: "resetPassword",
    tag: "Settings",
    summary: "Reset password (after its change verification), optionally signing out elsewhere.",
    caller: "signedIn",
    request: ResetPasswordRequest,
    response: AccountState,
    errors: [...GRANT, [400, "PASSWORD_POLICY"]],
  },
  {
    method: "get",
    path: "/api/account/preferences",
    id: "getPreferences",
    tag: "Settings",
    summary: "Preferences: layout and pop-up message timer.",
    caller: "signedIn",
    response: Preferences,
  },
  {
    method: "put",
    path: "/api/account/preferences",
    id: "setPreferences",
    tag: "Settings",
    summary: "Save the preferences.",
    caller: "signedIn",
    request: Preferences,
    response: Preferences,
  },
  {
    method: "get",
    path: "/api/account/activity",
    id: "listActivity",
    tag: "Settings",
    summary: "Recent Activity, newest first, a page at a time.",
    caller: "signedIn",
    query: [{ name: "page", schema: z.number().check(z.int(), z.minimum(1)), required: false }],
    response: ActivityPage,
  },
  {
    method: "post",
    path: "/api/account/activity/{id}/report",
    id: "reportActivity",
    tag: "Settings",
    summary: "“This wasn't me” for one event.",
    caller: "signedIn",
    response: null,
    errors: [[404, "NOT_FOUND"]],
  },
  {
    method: "post",
    path: "/api/reports/suspicious-activity",
    id: "reportSuspiciousActivity",
    tag: "Settings",
    summary: "The “Report Suspicious Activity” link of a notification email (no sign-in).",
    caller: "public",
    request: ReportRequest,
    response: ReportResult,
    errors: [
      [404, "NOT_FOUND"],
      [410, "REPORT_LINK_EXPIRED"],
    ],
  },

  // API / Download (guide Section 5)
  {
    method: "get",
    path: "/api/traqs/api/catalog",
    id: "getApiCatalog",
    tag: "API download",
    summary: "The facilities, their files, and which the user is entitled to.",
    caller: "signedIn",
    response: ApiCatalog,
  },
  {
    method: "get",
    path: "/api/traqs/api/download",
    id: "downloadManually",
    tag: "API download",
    summary: "API / Download / Manual: one file (Download, or Delta since the last download).",
    caller: "signedIn",
    query: [
      { name: "facility", schema: z.string(), required: true },
      { name: "file", schema: z.string(), required: true },
      { name: "action", schema: DownloadAction, required: true },
      { name: "day", schema: z.string().check(z.iso.date()), required: false },
    ],
    response: { file: "text/csv" },
    errors: [
      [400, "VALIDATION"],
      [403, "NOT_ENTITLED"],
      [404, "NOT_FOUND"],
    ],
  },
  {
    method: "get",
    path: "/api/traqs/api/tokens",
    id: "listRefreshTokens",
    tag: "API download",
    summary: "Current Token and Prior Tokens.",
    caller: "signedIn",
    response: RefreshTokens,
  },
  {
    method: "post",
    path: "/api/traqs/api/tokens",
    id: "getToken",
    tag: "API download",
    summary: "Get Token (after “Verify it's you” for a token): a new refresh token, shown once.",
    caller: "signedIn",
    response: RefreshTokens,
    errors: [...GRANT, [403, "NOT_ENTITLED"]],
  },
  {
    method: "post",
    path: "/api/traqs/api/tokens/show",
    id: "showToken",
    tag: "API download",
    summary: "Show or Copy Token (after “Verify it's you”): the current token in full for a while.",
    caller: "signedIn",
    response: RefreshTokens,
    errors: [...GRANT, [404, "NOT_FOUND"]],
  },
  {
    method: "post",
    path: "/api/traqs/api/tokens/revoke",
    id: "revokeToken",
    tag: "API download",
    summary: "Revoke Token: the current token and its access tokens end at once.",
    caller: "signedIn",
    response: RefreshTokens,
    errors: [[404, "NOT_FOUND"]],
  },
  {
    method: "post",
    path: "/oauth2/token",
    id: "exchangeRefreshToken",
    tag: "Scripts",
    summary: "A refresh token for an access token of 3600 s (RFC 6749 §6).",
    caller: "client",
    request: { form: TokenRequest },
    response: AccessTokenResponse,
    oauthErrors: [
      [400, "invalid_request"],
      [400, "unsupported_grant_type"],
      [400, "invalid_grant"],
      [413, "invalid_request"],
    ],
  },
  {
    method: "get",
    path: "/download/{facility}/{file}",
    id: "downloadFile",
    tag: "Scripts",
    summary: "A file for a script, with an access token (RFC 6750).",
    caller: "bearer",
    query: [
      { name: "action", schema: DownloadAction, required: false },
      { name: "day", schema: z.string().check(z.iso.date()), required: false },
    ],
    response: { file: "text/csv" },
    oauthErrors: [
      [400, "invalid_request"],
      [401, "invalid_token"],
      [403, "insufficient_scope"],
      [404, "not_found"],
    ],
  },

  // The development inbox, clock and scenarios: the mock backend only
  {
    method: "get",
    path: "/__dev/outbox",
    id: "devListOutbox",
    tag: "Development",
    summary: "Every email, SMS, voice call and push “sent”, newest first.",
    caller: "development",
    response: Outbox,
  },
  {
    method: "get",
    path: "/__dev/clock",
    id: "devGetClock",
    tag: "Development",
    summary: "The mock clock.",
    caller: "development",
    response: ClockState,
  },
  {
    method: "post",
    path: "/__dev/clock",
    id: "devAdvanceClock",
    tag: "Development",
    summary: "Move the mock clock forward.",
    caller: "development",
    request: AdvanceClockRequest,
    response: ClockState,
  },
  {
    method: "post",
    path: "/__dev/reset",
    id: "devReset",
    tag: "Development",
    summary: "Back to the seeded accounts (this namespace only).",
    caller: "development",
    response: Ok,
  },
  {
    method: "post",
    path: "/__dev/users",
    id: "devCreateUser",
    tag: "Development",
    summary: "A user in a described state, with the secrets a test needs to drive it.",
    caller: "development",
    request: CreateUserRequest,
    response: CreatedUser,
    status: 201,
    errors: [[409, "ALREADY_ENROLLED"]],
  },
  {
    method: "post",
    path: "/__dev/push/{id}/approve",
    id: "devApprovePush",
    tag: "Development",
    summary: "Approve a push with the number shown on the sign-in screen.",
    caller: "development",
    request: PushDecisionRequest,
    response: OutboxMessage,
    errors: [
      [404, "NOT_FOUND"],
      [409, "PUSH_EXPIRED"],
    ],
  },
  {
    method: "post",
    path: "/__dev/push/{id}/deny",
    id: "devDenyPush",
    tag: "Development",
    summary: "Deny a push.",
    caller: "development",
    response: OutboxMessage,
    errors: [
      [404, "NOT_FOUND"],
      [409, "PUSH_EXPIRED"],
    ],
  },
  {
    method: "get",
    path: "/__dev/okta-verify",
    id: "devOktaVerifyApp",
    tag: "Development",
    summary: "The development phone's Okta Verify app: set-ups to scan, accounts and codes.",
    caller: "development",
    response: OktaVerifyApp,
  },
  {
    method: "post",
    path: "/__dev/okta-verify/{id}/confirm",
    id: "devConfirmOktaVerify",
    tag: "Development",
    summary: "The phone scans an Okta Verify set-up.",
    caller: "development",
    request: ConfirmOktaVerifyRequest,
    response: OktaVerifyApp,
    errors: [[404, "NOT_FOUND"]],
  },

  {
    method: "get",
    path: "/__dev/mobilepass",
    id: "devMobilePassApp",
    tag: "Development",
    summary:
      "The development phone's MobilePASS app: the tokens added to it, each with its passcode now.",
    caller: "development",
    response: DevMobilePassApp,
  },
  {
    method: "post",
    path: "/__dev/mobilepass",
    id: "devAddToMobilePass",
    tag: "Development",
    summary: "Type an activation string into the development phone's MobilePASS app.",
    caller: "development",
    request: AddToMobilePassRequest,
    response: DevMobilePassApp,
    errors: [[404, "ACTIVATION_INVALID"]],
  },

  // Administrators (docs/admin-api.md): each change needs its own "Verify it's you" first —
  // POST /api/step-up/start { purpose: "change", change: { kind: "admin", action, target } }.
  {
    method: "get",
    path: "/api/admin/users",
    id: "searchUsers",
    tag: "Administrators",
    summary:
      "Users: search by name, email or TRAQS username, 25 a page (a firm administrator: their own firm).",
    caller: "administrator",
    query: Object.entries(UserSearchRequest.def.shape).map(([name, schema]) => ({
      name,
      schema,
      required: false,
    })),
    response: UserSearchAnswer,
    errors: [
      [400, "VALIDATION"],
      [404, "NOT_FOUND"],
    ],
  },
  {
    method: "get",
    path: "/api/admin/users/{id}",
    id: "getUser",
    tag: "Administrators",
    summary: "One user: status, methods (masked), sessions, tokens, TRAQS usernames, Order Forms.",
    caller: "administrator",
    response: UserDetail,
    errors: [[404, "NOT_FOUND"]],
  },
  {
    method: "post",
    path: "/api/admin/order-form",
    id: "inviteUser",
    tag: "Administrators",
    summary:
      "The Order Form: invite a user (Invited) with TRAQS usernames and entitlements; the invitation is emailed (not the help desk).",
    caller: "administrator",
    request: OrderFormRequest,
    response: UserDetail,
    // 429: ten taken TRAQS usernames tried in an hour (names are unique across firms).
    errors: [...ADMIN_CHANGE, ...ADDRESS_RULES, [409, "USERNAME_TAKEN"], [429, "RATE_LIMITED"]],
  },
  ...SIMPLE_USER_ACTIONS.map((action): Operation => ({
    method: "post",
    path: `/api/admin/users/{id}/${action}`,
    id: action,
    tag: "Administrators",
    summary: SIMPLE_ACTION_SUMMARY[action],
    caller: "administrator",
    request: AdminActionRequest,
    // revokeInvitation removes the user: 204.
    response: action === "revokeInvitation" ? null : UserDetail,
    errors: [
      ...ADMIN_CHANGE,
      [409, "USER_STATUS"],
      [409, "SELF_ACTION"],
      [409, "LAST_ADMINISTRATOR"],
    ],
  })),
  {
    method: "put",
    path: "/api/admin/users/{id}/traqs-usernames/{username}",
    id: "setTraqsUsername",
    tag: "Administrators",
    summary: "Make one of the user's TRAQS usernames Active or InActive.",
    caller: "administrator",
    request: SetTraqsUsernameRequest,
    response: UserDetail,
    errors: [...ADMIN_CHANGE],
  },
  {
    method: "put",
    path: "/api/admin/users/{id}/entitlements",
    id: "editEntitlements",
    tag: "Administrators",
    summary: "Replace the user's entitlements: a new Order Form entry.",
    caller: "administrator",
    request: EditEntitlementsRequest,
    response: UserDetail,
    errors: [...ADMIN_CHANGE],
  },
  {
    method: "put",
    path: "/api/admin/users/{id}/nasdaq-applications",
    id: "editNasdaqApplications",
    tag: "Administrators",
    summary:
      "Replace the user's Nasdaq applications (the Order Form's); without any, their MobilePASS token is revoked.",
    caller: "administrator",
    request: EditNasdaqApplicationsRequest,
    response: UserDetail,
    errors: [...ADMIN_CHANGE, [409, "USER_STATUS"]],
  },
  {
    method: "put",
    path: "/api/admin/users/{id}/profile",
    id: "updateProfile",
    tag: "Administrators",
    summary:
      "The help desk only: first and last name and the primary email (the username); both addresses are told.",
    caller: "administrator",
    request: UpdateProfileRequest,
    response: UserDetail,
    errors: [...ADMIN_CHANGE, ...ADDRESS_RULES],
  },
  {
    method: "put",
    path: "/api/admin/users/{id}/administrator",
    id: "setAdministrator",
    tag: "Administrators",
    summary: "Give or remove the firm administrator role (an Active user of the firm).",
    caller: "administrator",
    request: SetAdministratorRequest,
    response: UserDetail,
    errors: [
      ...ADMIN_CHANGE,
      [409, "SELF_ACTION"],
      [409, "LAST_ADMINISTRATOR"],
      [409, "USER_STATUS"],
    ],
  },
  {
    method: "get",
    path: "/api/admin/audit",
    id: "searchAuditLog",
    tag: "Administrators",
    summary:
      "The audit log, 50 a page, newest first (a firm administrator: their own firm's events).",
    caller: "administrator",
    query: Object.entries(AuditSearchRequest.def.shape).map(([name, schema]) => ({
      name,
      schema,
      required: false,
    })),
    response: AuditPage,
    errors: [[400, "VALIDATION"]],
  },
  {
    method: "get",
    path: "/api/admin/audit.csv",
    id: "downloadAuditLog",
    tag: "Administrators",
    summary:
      "Every matching audit event as CSV (an attachment); a value starting with =, +, -, @, tab or CR is neutralised with a leading '.",
    caller: "administrator",
    query: Object.entries(AuditSearchRequest.def.shape)
      .filter(([name]) => name !== "page")
      .map(([name, schema]) => ({ name, schema, required: false })),
    response: { file: "text/csv" },
    errors: [[400, "VALIDATION"]],
  },
  {
    method: "get",
    path: "/api/admin/firms",
    id: "listFirms",
    tag: "Administrators",
    summary:
      "Firms: domains, administrators, the NTF test period (a firm administrator: their own).",
    caller: "administrator",
    response: Firms,
  },
  {
    method: "get",
    path: "/api/admin/firms/{firmId}",
    id: "getFirm",
    tag: "Administrators",
    summary: "One firm.",
    caller: "administrator",
    response: Firm,
    errors: [[404, "NOT_FOUND"]],
  },
  {
    method: "post",
    path: "/api/admin/firms/{firmId}/ntf-test",
    id: "startNtfTest",
    tag: "Administrators",
    summary: "Start the firm's free 30-day NTF test period, today (once).",
    caller: "administrator",
    request: StartNtfTestRequest,
    response: Firm,
    errors: [...ADMIN_CHANGE, [409, "NTF_TEST_STARTED"]],
  },

  // Nasdaq's two-factor login with a SafeNet MobilePASS token (issue 17; docs/backend.md, Nasdaq).
  {
    method: "get",
    path: "/api/nasdaq/enrollment",
    id: "getNasdaqEnrollment",
    tag: "Nasdaq",
    summary:
      "The signed-in user's MobilePASS enrollment: entitled applications, the token, the next step (the seed only at ADD_TOKEN).",
    caller: "signedIn",
    response: NasdaqEnrollment,
  },
  {
    method: "post",
    path: "/api/nasdaq/enrollment/activate",
    id: "activateMobilePass",
    tag: "Nasdaq",
    summary: "The activation code emailed with the token (7 days, once).",
    caller: "signedIn",
    request: ActivateTokenRequest,
    response: NasdaqEnrollment,
    errors: [
      [400, "ACTIVATION_INVALID"],
      [409, "NO_TOKEN"],
      [409, "WRONG_STEP"],
      [410, "ACTIVATION_EXPIRED"],
      [410, "ACTIVATION_USED"],
      [410, "ACTIVATION_REVOKED"],
    ],
  },
  {
    method: "post",
    path: "/api/nasdaq/enrollment/password",
    id: "setTwoFactorPassword",
    tag: "Nasdaq",
    summary: "The 2FA-Password of the Two-Factor Authentication window.",
    caller: "signedIn",
    request: SetTwoFactorPasswordRequest,
    response: NasdaqEnrollment,
    errors: [
      [400, "PASSWORD_POLICY"],
      [409, "NO_TOKEN"],
      [409, "WRONG_STEP"],
    ],
  },
  {
    method: "post",
    path: "/api/nasdaq/enrollment/verify",
    id: "proveMobilePass",
    tag: "Nasdaq",
    summary: "One passcode from the MobilePASS app proves the token was added: enrolled.",
    caller: "signedIn",
    request: ProveTokenRequest,
    response: NasdaqEnrollment,
    errors: [
      [400, "INVALID_CODE"],
      [400, "CODE_ALREADY_USED"],
      [409, "NO_TOKEN"],
      [409, "WRONG_STEP"],
    ],
  },
  {
    method: "delete",
    path: "/api/nasdaq/mobilepass",
    id: "removeMobilePass",
    tag: "Nasdaq",
    summary:
      "Settings' Remove: the user's MobilePASS token is revoked (after its change verification).",
    caller: "signedIn",
    response: NasdaqEnrollment,
    errors: [
      [403, "STEP_UP_REQUIRED"],
      [404, "NOT_FOUND"],
    ],
  },
  {
    method: "post",
    path: "/api/nasdaq/login",
    id: "nasdaqLogin",
    tag: "Nasdaq",
    summary:
      "The Two-Factor Authentication window: User Name, 2FA-Password and Passcode in one step; one answer for any wrong part; a new Nasdaq session.",
    caller: "nasdaq",
    request: NasdaqLoginRequest,
    response: NasdaqSessionState,
    errors: [
      [401, "INVALID_CREDENTIALS"],
      [403, "ACCOUNT_LOCKED"],
    ],
  },
  {
    method: "get",
    path: "/api/nasdaq/session",
    id: "getNasdaqSession",
    tag: "Nasdaq",
    summary: "This browser's Nasdaq session, or none (an answer, not an error).",
    caller: "nasdaq",
    response: NasdaqSessionState,
  },
  {
    method: "delete",
    path: "/api/nasdaq/session",
    id: "nasdaqSignOut",
    tag: "Nasdaq",
    summary: "Sign out of the Nasdaq applications.",
    caller: "nasdaq",
    response: null,
  },
  {
    method: "get",
    path: "/api/admin/users/{id}/mobilepass",
    id: "getUserMobilePass",
    tag: "Nasdaq",
    summary:
      "A user's MobilePASS token (masked), Nasdaq applications and lockout, for their administrator.",
    caller: "administrator",
    response: AdminMobilePass,
    errors: [[404, "NOT_FOUND"]],
  },
  ...MOBILEPASS_ADMIN_ACTIONS.map((action): Operation => ({
    method: "post",
    path: `/api/admin/users/{id}/mobilepass/${action}`,
    id: `${action}MobilePass`,
    tag: "Nasdaq",
    summary: MOBILEPASS_ACTION_SUMMARY[action],
    caller: "administrator",
    request: AdminActionRequest,
    response: AdminMobilePass,
    errors: [
      ...ADMIN_CHANGE,
      [409, "USER_STATUS"],
      [409, "SHARED_ADDRESS"],
      [409, "NOT_ENTITLED"],
      [409, "TOKEN_EXISTS"],
      [409, "NO_TOKEN"],
    ],
  })),
];
