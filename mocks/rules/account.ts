import type { AccountState } from "../../src/api/contracts/account";
import type { Me } from "../../src/api/contracts/me";
import type { MockState, Session, User } from "../db/state";
import type { Context } from "./context";
import { iso } from "./dates";
import { describeMethod, toFactor } from "./factors";
import { removeMethod } from "./method-removal";
import { notifySecurityChange } from "./notifications";
import { MINUTE } from "./policy";
import { recoveryCodesView } from "./recovery-codes";
import { Refusal } from "./refusal";
import { SETTINGS_MINUTES } from "./step-up-grants";
import { administrationOf } from "./administration";
import { entitledFacilities } from "./entitlements";
import { liveToken } from "./mobilepass";

/** The signed-in user's account: who they are, their TRAQS username, and Settings' changes. */

/** The user's personal information, as every signed-in answer that shows it has it. */
export function profileOf(user: User) {
  const { firstName, lastName, login, email, traqsUsernames, language } = user;
  return { firstName, lastName, login, email, traqsUsernames, language };
}

export function toMe(state: MockState, user: User, session: Session): Me {
  return {
    ...profileOf(user),
    traqsUsername: session.traqsUsername,
    apiAccess: entitledFacilities(user).length > 0,
    administration: administrationOf(state, user),
    nasdaqApplications: user.nasdaqApplications,
    mobilePassEnrolled: Boolean(liveToken(state, user.id)?.enrolledAt),
  };
}

/** Settings as the screens see it, open until 15 minutes after the last verification. */
export function toAccountState(user: User, session: Session): AccountState {
  return {
    ...profileOf(user),
    passwordChangedAt: user.passwordChangedAt === undefined ? null : iso(user.passwordChangedAt),
    securityQuestionSet: Boolean(user.securityQuestion),
    methods: user.methods.map(toFactor),
    ...recoveryCodesView(user),
    verifiedUntil: iso((session.stepUp?.factorAt ?? 0) + SETTINGS_MINUTES * MINUTE),
  };
}

/** The TRAQS username this session works as: one of the user's, and active. */
export function chooseTraqsUsername(session: Session, user: User, username: string): void {
  const choice = user.traqsUsernames.find((u) => u.username === username);
  if (!choice) throw new Refusal(404, "NOT_FOUND", "That TRAQS username is not yours.");
  if (!choice.active) {
    throw new Refusal(409, "USERNAME_INACTIVE", "That TRAQS username is InActive.");
  }
  session.traqsUsername = choice.username;
}

/**
 * Reset (remove) a security method; never the last one for access. `verified` uses up the
 * verification made for it, once the rule holds (so a refused removal costs none).
 */
export function removeSecurityMethod(
  ctx: Context,
  user: User,
  methodId: unknown,
  verified: () => void,
): void {
  const method = user.methods.find((m) => m.id === methodId);
  if (!method) throw new Refusal(404, "NOT_FOUND", "That security method is not enrolled.");
  if (user.methods.length === 1) {
    throw new Refusal(409, "LAST_METHOD", "The last security method for access cannot be removed.");
  }
  verified();
  removeMethod(ctx.state, user, method.id);
  notifySecurityChange(ctx, {
    user: user,
    type: "method_removed",
    what: describeMethod(method),
    subject: "FINRA TRAQS - Security method reset",
  });
}

export function removeSecurityQuestion(ctx: Context, user: User, verified: () => void): void {
  if (!user.securityQuestion)
    throw new Refusal(404, "NOT_FOUND", "No security question is set up.");
  verified();
  delete user.securityQuestion;
  notifySecurityChange(ctx, {
    user: user,
    type: "security_question_removed",
    what: "Security Question",
    subject: "FINRA TRAQS - Security method reset",
  });
}
