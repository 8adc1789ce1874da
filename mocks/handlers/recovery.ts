import { http } from "msw";
import { EnrollCodeRequest, SetPasswordRequest } from "../../src/api/contracts/enrollment";
import {
  RecoveryAnswerRequest,
  RecoveryLinkRequest,
  StartRecoveryRequest,
} from "../../src/api/contracts/recovery";
import type { MockDb } from "../db/store";
import { inSignIn, type Call } from "../http/callers";
import { readBody, route } from "../http/respond";
import {
  answerSecurityQuestion,
  openRecoveryLink,
  recoverPassword,
  recoveryInProgress,
  recoveryStateOf,
  sendRecovery,
  startRecovery,
  verifyEmailCode,
} from "../rules/recovery";

/**
 * "Unlock account?" and "Forgot password?" (`/api/recovery`): each step answers with where the
 * recovery of this browser's session stands.
 */
export function recoveryHandlers(db: MockDb) {
  const step = (run: (call: Call) => Promise<void>) =>
    inSignIn(db, async (call) => {
      await run(call);
      return recoveryStateOf(call.ctx);
    });

  return [
    http.get(
      route("/api/recovery"),
      step(async ({ ctx }) => {
        recoveryInProgress(ctx);
      }),
    ),

    /** "Unlock account?" or "Forgot password?" with a username: the same answer for any username. */
    http.post(
      route("/api/recovery/start"),
      step(async ({ ctx, request }) => {
        const { kind, username } = await readBody(request, StartRecoveryRequest);
        startRecovery(ctx, kind, username);
      }),
    ),

    /** "Send me an email" and "Send again". */
    http.post(
      route("/api/recovery/send"),
      step(async ({ ctx }) => sendRecovery(ctx)),
    ),

    /** "Enter a verification code instead". */
    http.post(
      route("/api/recovery/verify"),
      step(async ({ ctx, request }) => {
        const { code } = await readBody(request, EnrollCodeRequest);
        await verifyEmailCode(ctx, code);
      }),
    ),

    /** The email's link, opened in this browser or another: the recovery goes on here. */
    http.post(
      route("/api/recovery/link"),
      step(async ({ ctx, request }) => {
        const { token } = await readBody(request, RecoveryLinkRequest);
        await openRecoveryLink(ctx, token);
      }),
    ),

    /** "Verify with your Security Question". */
    http.post(
      route("/api/recovery/answer"),
      step(async ({ ctx, request }) => {
        const { answer } = await readBody(request, RecoveryAnswerRequest);
        await answerSecurityQuestion(ctx, answer);
      }),
    ),

    /** Forgot password: the new password (every rule, history included), then the second factor. */
    http.post(
      route("/api/recovery/password"),
      step(async ({ ctx, request }) => {
        const { password } = await readBody(request, SetPasswordRequest);
        await recoverPassword(ctx, password);
      }),
    ),
  ];
}
