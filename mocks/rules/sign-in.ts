import { recordActivity } from "../db/activity";
import { rotateSession } from "../db/sessions";
import type { MockState, Session, User } from "../db/state";
import { EMAIL_FOOTER, send } from "../db/outbox";
import { randomDigits, sha256 } from "./crypto";
import { clearFailures } from "./lockout";
import { MINUTE, POLICY } from "./policy";

/**
 * The end of a successful sign-in (or of a finished enrollment): a fresh session id, the method
 * remembered for next time, the failure count cleared, and the TRAQS username chosen when there is
 * only one.
 */
export function completeSignIn(
  ctx: { state: MockState; now: number; userAgent: string },
  session: Session,
  user: User,
  lastUsed: User["lastUsed"],
): void {
  rotateSession(session);
  session.stage = "SUCCESS";
  session.challenge = null;
  session.pending = {};
  const [only] = user.traqsUsernames;
  session.traqsUsername = user.traqsUsernames.length === 1 && only?.active ? only.username : null;
  if (lastUsed) user.lastUsed = lastUsed;
  user.lastSignInAt = ctx.now;
  clearFailures(ctx.state, user.login);
  recordActivity(ctx.state, {
    userId: user.id,
    type: "sign_in",
    at: ctx.now,
    userAgent: ctx.userAgent,
  });
}

/** "s***@yourfirm.org": enough to recognise one's own address, no more. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  return `${email.slice(0, Math.min(1, at))}***${email.slice(at)}`;
}

/**
 * The sign-in after an administrator reset the security methods (lost phone): the password is
 * not enough, so a code goes to the primary email, and only then the set-up. Each send replaces
 * the code before it.
 */
export async function sendEmailCode(
  ctx: { state: MockState; now: number },
  session: Session,
  user: User,
): Promise<void> {
  const code = randomDigits(6);
  session.emailCode = {
    codeHash: await sha256(code),
    sentAt: ctx.now,
    resendAt: ctx.now + POLICY.resendAfterSeconds * 1000,
    expiresAt: ctx.now + POLICY.emailCodeMinutes * MINUTE,
  };
  send(ctx.state, {
    channel: "email",
    to: user.email,
    userId: user.id,
    subject: "FINRA TRAQS - Sign-in verification code",
    text:
      `Hi ${user.firstName},\n\nAn administrator reset the security methods of your account ` +
      `${user.login}. To sign in and set them up again, enter this code:\n\n${code}\n\n` +
      `This code expires in ${POLICY.emailCodeMinutes} minutes. If you did not try to sign in, ` +
      `contact your firm's administrator.\n\n${EMAIL_FOOTER}`,
    code,
    sentAt: ctx.now,
  });
}

/** A suspended or deactivated account cannot sign in, and is told so once the password is right. */
export function signInRefusal(
  user: User,
): { code: "ACCOUNT_SUSPENDED" | "ACCOUNT_DEACTIVATED"; message: string } | null {
  if (user.status === "SUSPENDED")
    return {
      code: "ACCOUNT_SUSPENDED",
      message: "Your account is suspended. Contact your firm's Super Account Administrator.",
    };
  if (user.status === "DEACTIVATED")
    return {
      code: "ACCOUNT_DEACTIVATED",
      message:
        "Your account has been deactivated. Contact your firm's Super Account Administrator.",
    };
  return null;
}
