import type { Entitlement } from "../../src/api/contracts/admin";
import { endSessions, startSession } from "../db/sessions";
import type { FirmRecord, MockState, User } from "../db/state";
import { buildUser } from "../db/factories";
import { EMAIL_FOOTER, send } from "../db/outbox";
import { otherAdministrators, statusOf, type Administrator } from "./administration";
import { Refusal } from "./refusal";
import { randomId, sha256 } from "./crypto";
import { firmById, removeUser } from "./firms";
import { clearFailures } from "./lockout";
import { notifyAdministratorChange } from "./notifications";
import {
  assertAddressAllowed,
  assertUsernamesFree,
  enterOrderForm,
  sendInvitation,
} from "./order-form";
import { liveToken } from "./mobilepass";
import { MINUTE, POLICY } from "./policy";
import { currentToken, isActive, revokeRefreshToken } from "./tokens";
import { NASDAQ_APPLICATIONS, type NasdaqApplication } from "../../src/api/contracts/me";

/** What an administrative change runs with: the state, the clock, and where it came from. */
export type ChangeContext = { state: MockState; now: number; userAgent: string };

const byName = (admin: Administrator) => `${admin.user.firstName} ${admin.user.lastName}`;

function refuseStatus(message: string): never {
  throw new Refusal(409, "USER_STATUS", message);
}

/** Nobody suspends, deactivates, resets or signs out their own account from here. */
function assertNotSelf(admin: Administrator, user: User): void {
  if (admin.user.id === user.id)
    throw new Refusal(
      409,
      "SELF_ACTION",
      "You cannot do that to your own account. Ask another administrator.",
    );
}

/** A firm keeps at least one active administrator. */
function assertNotLastAdministrator(state: MockState, user: User): void {
  if (user.role === "firm-administrator" && otherAdministrators(state, user).length === 0)
    throw new Refusal(409, "LAST_ADMINISTRATOR", "The firm must keep at least one administrator.");
}

function endToken(state: MockState, user: User, now: number): boolean {
  const token = currentToken(state, user.id);
  if (!token || !isActive(token, now)) return false;
  revokeRefreshToken(state, token, now);
  return true;
}

/** The Order Form: a new user of the firm, invited by the guide's "Welcome to Okta!" email. */
export async function invite(
  ctx: ChangeContext,
  admin: Administrator,
  firm: FirmRecord,
  form: {
    firstName: string;
    lastName: string;
    email: string;
    traqsUsernames: string[];
    entitlements: Entitlement[];
    nasdaqApplications?: NasdaqApplication[];
  },
): Promise<{ user: User; detail: string }> {
  const email = form.email.toLowerCase();
  assertAddressAllowed(ctx.state, firm, email);
  assertUsernamesFree(ctx, form.traqsUsernames, admin.user.id);
  const user = buildUser({
    login: email,
    email,
    firstName: form.firstName,
    lastName: form.lastName,
    status: "STAGED",
    firmId: firm.id,
    traqsUsernames: form.traqsUsernames.map((username) => ({ username, active: true })),
    nasdaqApplications: NASDAQ_APPLICATIONS.filter((a) => form.nasdaqApplications?.includes(a)),
  });
  enterOrderForm(user, form.entitlements, byName(admin), ctx.now);
  ctx.state.users.push(user);
  await sendInvitation(ctx.state, user, ctx.now);
  const entitled = user.entitlements.map((e) => `${e.facility} ${e.environment}`).join(", ");
  const nasdaq = user.nasdaqApplications.join(", ");
  return {
    user,
    detail: `Invited ${email}; entitlements: ${entitled || "none"}; Nasdaq: ${nasdaq || "none"}`,
  };
}

/** The changes that take only a reason, each returning what it did, in words, for the audit log. */
export const simpleChanges: Record<
  | "resendInvitation"
  | "revokeInvitation"
  | "unlock"
  | "resetMethods"
  | "sendPasswordReset"
  | "signOutEverywhere"
  | "revokeTokens"
  | "suspend"
  | "reactivate"
  | "deactivate",
  (ctx: ChangeContext, admin: Administrator, user: User) => Promise<string>
> = {
  async resendInvitation(ctx, _admin, user) {
    if (user.status !== "STAGED")
      refuseStatus("Only an invited user's invitation can be sent again.");
    // The earlier link stops working, and so does a set-up already opened with it.
    endSessions(ctx.state, user.id);
    await sendInvitation(ctx.state, user, ctx.now);
    return "Invitation sent again; the earlier link no longer works";
  },

  async revokeInvitation(ctx, _admin, user) {
    if (user.status !== "STAGED") refuseStatus("Only an invitation not yet used can be revoked.");
    endSessions(ctx.state, user.id);
    removeUser(ctx.state, user);
    return `Invitation revoked; ${user.email} removed`;
  },

  async unlock(ctx, admin, user) {
    if (statusOf(ctx.state, user, ctx.now) !== "Locked") refuseStatus("The user is not locked.");
    clearFailures(ctx.state, user.login);
    notifyAdministratorChange(ctx, { user, what: "Account unlocked", by: admin.role });
    return "Account unlocked";
  },

  /**
   * Lost phone: every method but the password goes (security question and recovery codes too);
   * the next sign-in asks the password and a code sent to the primary email, then the set-up.
   */
  async resetMethods(ctx, admin, user) {
    assertNotSelf(admin, user);
    if (user.status !== "ACTIVE")
      refuseStatus("Only an active user's security methods can be reset.");
    const removed = user.methods.length;
    user.methods = [];
    delete user.securityQuestion;
    delete user.recoveryCodes;
    delete user.lastUsed;
    user.methodsReset = true;
    endSessions(ctx.state, user.id);
    notifyAdministratorChange(ctx, {
      user,
      what: "Security methods reset",
      by: admin.role,
      note:
        "Your security methods and security question were removed; your password was kept. " +
        "When you next sign in, enter your password and the code we email to this address, then " +
        "set up your security methods again.",
    });
    return `Security methods reset (${removed} removed, with the security question)`;
  },

  /** An administrator never sets a password: the user gets the "Forgot password?" email's link. */
  async sendPasswordReset(ctx, admin, user) {
    if (user.status !== "ACTIVE") refuseStatus("Only an active user can reset a password.");
    if (!user.securityQuestion)
      refuseStatus("The user has no security question: reset the security methods instead.");
    const token = randomId(32);
    const session = startSession(ctx.state, ctx.now, ctx.userAgent);
    Object.assign(session, {
      stage: "RECOVERY",
      login: user.login,
      userId: user.id,
      recovery: {
        kind: "reset",
        stage: "SENT",
        codeHash: null,
        tokenHash: await sha256(token),
        sentAt: ctx.now,
        resendAt: ctx.now + POLICY.resendAfterSeconds * 1000,
        expiresAt: ctx.now + POLICY.resetLinkHours * 60 * MINUTE,
        failures: 0,
      },
    });
    const linkText = "Reset Password";
    send(ctx.state, {
      channel: "email",
      to: user.email,
      userId: user.id,
      subject: "FINRA TRAQS - Password Reset Requested",
      text:
        `Hi ${user.firstName},\n\nAn administrator asked for a password reset for your Okta account ` +
        "for FINRA TRAQS access. If you did not expect this, contact your firm's administrator.\n\n" +
        `Click the link below to reset the password for your Username, ${user.login}\n\n` +
        `${linkText}\n\nThis link expires in ${POLICY.resetLinkHours} hours.\n\n${EMAIL_FOOTER}`,
      link: `/signin/recovery/link/${token}`,
      linkText,
      sentAt: ctx.now,
    });
    notifyAdministratorChange(ctx, { user, what: "Password reset email sent", by: admin.role });
    return "Password reset email sent";
  },

  async signOutEverywhere(ctx, admin, user) {
    assertNotSelf(admin, user);
    const count = ctx.state.sessions.filter((s) => s.userId === user.id).length;
    endSessions(ctx.state, user.id);
    notifyAdministratorChange(ctx, { user, what: "Signed out of every device", by: admin.role });
    return `Signed out of every device (${count} session(s) ended)`;
  },

  async revokeTokens(ctx, admin, user) {
    if (!endToken(ctx.state, user, ctx.now)) refuseStatus("The user has no active API token.");
    notifyAdministratorChange(ctx, {
      user,
      what: "API refresh token revoked",
      by: admin.role,
      note: "Scripts that use it stop working; get a new token on API / Download / Programmatic.",
    });
    return "API refresh token revoked";
  },

  async suspend(ctx, admin, user) {
    assertNotSelf(admin, user);
    if (user.status !== "ACTIVE") refuseStatus("Only an active user can be suspended.");
    assertNotLastAdministrator(ctx.state, user);
    user.status = "SUSPENDED";
    endSessions(ctx.state, user.id);
    endToken(ctx.state, user, ctx.now);
    notifyAdministratorChange(ctx, {
      user,
      what: "Account suspended",
      by: admin.role,
      note: "You cannot sign in until your account is reactivated.",
    });
    return "Account suspended";
  },

  async reactivate(ctx, admin, user) {
    if (user.status !== "SUSPENDED") refuseStatus("Only a suspended user can be reactivated.");
    user.status = "ACTIVE";
    notifyAdministratorChange(ctx, {
      user,
      what: "Account reactivated",
      by: admin.role,
      note: "You can sign in again.",
    });
    return "Account reactivated";
  },

  async deactivate(ctx, admin, user) {
    assertNotSelf(admin, user);
    if (user.status === "DEACTIVATED") refuseStatus("The user is already deactivated.");
    assertNotLastAdministrator(ctx.state, user);
    user.status = "DEACTIVATED";
    delete user.activation;
    endSessions(ctx.state, user.id);
    endToken(ctx.state, user, ctx.now);
    // For good: the MobilePASS token ends too (a suspended user's waits for reactivation).
    const mobilePass = liveToken(ctx.state, user.id);
    if (mobilePass) mobilePass.revokedAt = ctx.now;
    notifyAdministratorChange(ctx, { user, what: "Account deactivated", by: admin.role });
    return "Account deactivated";
  },
};

export function setTraqsUsername(
  ctx: ChangeContext,
  admin: Administrator,
  user: User,
  username: string,
  active: boolean,
): string {
  const record = user.traqsUsernames.find((u) => u.username === username);
  if (!record) throw new Refusal(404, "NOT_FOUND", "The user has no such TRAQS username.");
  record.active = active;
  // A session keeps its chosen username only while it is active.
  if (!active)
    for (const s of ctx.state.sessions)
      if (s.userId === user.id && s.traqsUsername === username) s.traqsUsername = null;
  const what = `TRAQS username ${username} set ${active ? "Active" : "InActive"}`;
  notifyAdministratorChange(ctx, { user, what, subject: "TRAQS username changed", by: admin.role });
  return what;
}

export function editEntitlements(
  ctx: ChangeContext,
  admin: Administrator,
  user: User,
  entitlements: Entitlement[],
): string {
  if (user.status === "DEACTIVATED") refuseStatus("The user is deactivated.");
  enterOrderForm(user, entitlements, byName(admin), ctx.now);
  const list = user.entitlements.map((e) => `${e.facility} ${e.environment}`).join(", ");
  const what = `API entitlements set: ${list || "none"}`;
  notifyAdministratorChange(ctx, {
    user,
    what,
    subject: "API entitlements changed",
    by: admin.role,
  });
  return what;
}

/** The help desk's change of name or primary email (which is also the username). */
export async function updateProfile(
  ctx: ChangeContext,
  admin: Administrator,
  user: User,
  profile: { firstName: string; lastName: string; email: string },
): Promise<string> {
  const firm = firmById(ctx.state, user.firmId);
  if (!firm) throw new Refusal(404, "NOT_FOUND", "No such user.");
  const oldEmail = user.email;
  const email = profile.email.toLowerCase();
  const changes: string[] = [];
  if (profile.firstName !== user.firstName || profile.lastName !== user.lastName)
    changes.push(
      `name ${user.firstName} ${user.lastName} → ${profile.firstName} ${profile.lastName}`,
    );
  if (email !== user.email.toLowerCase()) {
    assertAddressAllowed(ctx.state, firm, email, user.id);
    changes.push(`primary email ${oldEmail} → ${email}`);
    // The lockout count belongs to the login: it moves with it.
    const attempts = ctx.state.loginAttempts[user.login];
    if (attempts) {
      ctx.state.loginAttempts[email] = attempts;
      delete ctx.state.loginAttempts[user.login];
    }
    user.email = email;
    user.login = email;
    // What was sent to the old address stops working: an invitation goes again to the new one,
    // and a reset or unlock link (with the set-up or recovery it opened) ends.
    endSessions(ctx.state, user.id);
  }
  if (changes.length === 0) refuseStatus("Nothing to change: the name and email are the same.");
  user.firstName = profile.firstName;
  user.lastName = profile.lastName;
  if (oldEmail !== user.email && user.status === "STAGED")
    await sendInvitation(ctx.state, user, ctx.now);
  const what = `Profile updated: ${changes.join("; ")}`;
  notifyAdministratorChange(ctx, { user, what, subject: "Profile updated", by: admin.role });
  if (oldEmail !== user.email)
    notifyAdministratorChange(ctx, {
      user,
      what,
      subject: "Profile updated",
      by: admin.role,
      to: oldEmail,
    });
  return what;
}

export function setAdministrator(
  ctx: ChangeContext,
  admin: Administrator,
  user: User,
  administrator: boolean,
): string {
  if (administrator === (user.role === "firm-administrator"))
    refuseStatus(
      administrator ? "The user is already an administrator." : "The user is not an administrator.",
    );
  if (!administrator) {
    assertNotSelf(admin, user);
    assertNotLastAdministrator(ctx.state, user);
    delete user.role;
  } else {
    if (user.status !== "ACTIVE") refuseStatus("Only an active user can be an administrator.");
    user.role = "firm-administrator";
  }
  const what = administrator
    ? "Made a Super Account Administrator of the firm"
    : "No longer a Super Account Administrator of the firm";
  notifyAdministratorChange(ctx, {
    user,
    what,
    subject: "Administrator role changed",
    by: admin.role,
  });
  return what;
}

/** The firm's free NTF test period starts today, once (the notice: 30 calendar days). */
export function startNtfTest(ctx: ChangeContext, firm: FirmRecord): string {
  if (firm.ntfTestStartedAt !== null)
    throw new Refusal(409, "NTF_TEST_STARTED", "The NTF test period has already started.");
  firm.ntfTestStartedAt = ctx.now;
  return `NTF test period started for ${firm.name}`;
}
