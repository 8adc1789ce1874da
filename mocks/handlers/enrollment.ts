import { http } from "msw";
import {
  ActivateRequest,
  EnrollCodeRequest,
  EnrollPhoneRequest,
  SetPasswordRequest,
  SetSecurityQuestionRequest,
} from "../../src/api/contracts/enrollment";
import { PasskeyRegistration } from "../../src/api/contracts/passkeys";
import { SECURITY_QUESTIONS } from "../db/security-questions";
import type { MockDb } from "../db/store";
import { inSignIn } from "../http/callers";
import { readBody, route } from "../http/respond";
import {
  activate,
  confirmGoogleAuthenticator,
  confirmPhone,
  finishEnrollment,
  googleAuthenticatorKey,
  oktaVerifySetUp,
  phoneInSetUp,
  resendPhoneSetUpCode,
  setFirstPassword,
  setSecurityQuestion,
  setUpInProgress,
  setUpRecoveryCodes,
  startPhoneSetUp,
  toEnrollmentState,
} from "../rules/enrollment";
import { passkeySetUpOptions, setUpPasskey } from "../rules/passkey-steps";
import { relyingPartyOf } from "../rules/passkeys";
import { toAuthnState } from "../rules/sign-in";

/**
 * Set-up (`/api/enroll`): after the activation link or a password alone, or from Settings after the
 * change verification made for that method. Each step first asks `setUpInProgress` whether this
 * session may read the set-up (null) or change what the step changes.
 */
export function enrollmentHandlers(db: MockDb) {
  return [
    http.post(
      route("/api/enroll/activate"),
      inSignIn(db, async ({ ctx, request }) => {
        const { token } = await readBody(request, ActivateRequest);
        const { session, user } = await activate(ctx, token);
        return toEnrollmentState(user, session);
      }),
    ),

    http.get(
      route("/api/enroll"),
      inSignIn(db, async ({ ctx }) => {
        const { session, user } = setUpInProgress(ctx, null);
        return toEnrollmentState(user, session);
      }),
    ),

    http.get(
      route("/api/enroll/security-questions"),
      inSignIn(db, async ({ ctx }) => {
        setUpInProgress(ctx, null);
        return { questions: SECURITY_QUESTIONS };
      }),
    ),

    http.post(
      route("/api/enroll/password"),
      inSignIn(db, async ({ ctx, request }) => {
        const { session, user } = setUpInProgress(ctx, "password");
        const { password } = await readBody(request, SetPasswordRequest);
        await setFirstPassword(ctx, user, password);
        return toEnrollmentState(user, session);
      }),
    ),

    http.post(
      route("/api/enroll/security-question"),
      inSignIn(db, async ({ ctx, request }) => {
        const { session, user } = setUpInProgress(ctx, "security_question");
        const body = await readBody(request, SetSecurityQuestionRequest);
        await setSecurityQuestion(ctx, session, user, body);
        return toEnrollmentState(user, session);
      }),
    ),

    http.post(
      route("/api/enroll/google-authenticator"),
      inSignIn(db, async ({ ctx }) => {
        const { session, user } = setUpInProgress(ctx, "google_authenticator");
        return googleAuthenticatorKey(session, user);
      }),
    ),

    http.post(
      route("/api/enroll/google-authenticator/verify"),
      inSignIn(db, async ({ ctx, request }) => {
        const { session, user } = setUpInProgress(ctx, "google_authenticator");
        const { code } = await readBody(request, EnrollCodeRequest);
        confirmGoogleAuthenticator(ctx, session, user, code);
        return toEnrollmentState(user, session);
      }),
    ),

    /** Starts, or resumes while it is valid, an Okta Verify set-up; its status tells when the app confirmed. */
    http.post(
      route("/api/enroll/okta-verify"),
      inSignIn(db, async ({ ctx }) => {
        const { session, user } = setUpInProgress(ctx, null);
        return oktaVerifySetUp(ctx, session, user);
      }),
    ),

    http.get(
      route("/api/enroll/phone"),
      inSignIn(db, async ({ ctx }) => phoneInSetUp(setUpInProgress(ctx, "phone").session)),
    ),

    http.post(
      route("/api/enroll/phone"),
      inSignIn(db, async ({ ctx, request }) => {
        const { session, user } = setUpInProgress(ctx, "phone");
        return startPhoneSetUp(ctx, session, user, await readBody(request, EnrollPhoneRequest));
      }),
    ),

    http.post(
      route("/api/enroll/phone/resend"),
      inSignIn(db, async ({ ctx }) => {
        const { session, user } = setUpInProgress(ctx, "phone");
        return resendPhoneSetUpCode(ctx, session, user);
      }),
    ),

    http.post(
      route("/api/enroll/phone/verify"),
      inSignIn(db, async ({ ctx, request }) => {
        const { session, user } = setUpInProgress(ctx, "phone");
        const { code } = await readBody(request, EnrollCodeRequest);
        await confirmPhone(ctx, session, user, code);
        return toEnrollmentState(user, session);
      }),
    ),

    http.post(
      route("/api/enroll/passkey/options"),
      inSignIn(db, async ({ ctx, request }) => {
        const { session, user } = setUpInProgress(ctx, "passkey");
        return passkeySetUpOptions(ctx, session, user, relyingPartyOf(request));
      }),
    ),

    http.post(
      route("/api/enroll/passkey/verify"),
      inSignIn(db, async ({ ctx, request }) => {
        const { session, user } = setUpInProgress(ctx, "passkey");
        const response = await readBody(request, PasskeyRegistration);
        await setUpPasskey(ctx, session, user, relyingPartyOf(request), response);
        return toEnrollmentState(user, session);
      }),
    ),

    /**
     * Recovery codes: a new set, shown this once. At activation only once the required methods are
     * set up; from Settings after the change verification made for it.
     */
    http.post(
      route("/api/enroll/recovery-codes"),
      inSignIn(db, async ({ ctx }) => {
        const { session, user } = setUpInProgress(ctx, "recovery_codes");
        return { codes: await setUpRecoveryCodes(ctx, session, user) };
      }),
    ),

    /** "Set up later": once the required methods are set up, the user is signed in. */
    http.post(
      route("/api/enroll/finish"),
      inSignIn(db, async ({ ctx }) => {
        finishEnrollment(ctx);
        return toAuthnState(ctx.state, ctx.session, ctx.now);
      }),
    ),
  ];
}
