import type { PasskeyAssertion, PasskeyRegistration } from "../../src/api/contracts/passkeys";
import { recordActivity } from "../db/activity";
import type { PasskeyMethod, Session, User } from "../db/state";
import type { Context } from "./context";
import { addAccessMethod, endSetUp } from "./enrollment";
import { assertNotLocked, recordFailure } from "./lockout";
import { notifySecurityChange } from "./notifications";
import {
  authenticationOptions,
  newChallenge,
  PASSKEY_POLICY,
  PasskeyRefused,
  passkeyOf,
  registrationOptions,
  takeChallenge,
  takeSignInChallenge,
  userHandleOf,
  verifyAssertion,
  verifyRegistration,
  type RelyingParty,
} from "./passkeys";
import { Refusal } from "./refusal";
import { completeSignIn, startOver } from "./sign-in";
import {
  failFactor,
  requireStage,
  withUser,
  type Found,
  type VerificationFlow,
} from "./verification";

/**
 * Passkeys in use (rules/passkeys.ts holds the WebAuthn ceremonies themselves): as a second factor
 * or "Verify it's you", as a whole sign-in before any username, set up, and renamed.
 */

const refused = (error: PasskeyRefused) =>
  new Refusal(401, "PASSKEY_REFUSED", `That passkey was refused: ${error.message}`);

/**
 * A signature counter that went backwards: the passkey may have been copied (WebAuthn L3
 * §6.1.1). The user is told at once, by email and in Recent Activity (SECURITY 28).
 */
function alertCounter(ctx: Context, user: User, passkey: PasskeyMethod) {
  notifySecurityChange(ctx, {
    user,
    type: "passkey_counter_refused",
    what:
      `Passkey (${passkey.name}): a sign-in was refused because the passkey's signature counter ` +
      "went backwards, which happens when a passkey has been copied.",
    subject: "FINRA TRAQS - Passkey sign-in refused",
  });
}

/** Verifies an assertion of `user`'s passkey; a refusal is answered, and alerted if cloned. */
async function checkAssertion(
  ctx: Context,
  rp: RelyingParty,
  challenge: string,
  response: PasskeyAssertion,
  user: User,
  refuse: (error: Refusal) => never,
): Promise<PasskeyMethod> {
  const passkey = passkeyOf(user, response.id);
  // Another user's passkey, or one not registered (or registered for another RP ID): refused.
  if (!passkey) refuse(refused(new PasskeyRefused("credential", "it is not one of yours.")));
  try {
    await verifyAssertion(rp, challenge, response, passkey, ctx.now);
  } catch (error) {
    if (!(error instanceof PasskeyRefused)) throw error;
    if (error.reason === "counter") alertCounter(ctx, user, passkey);
    refuse(refused(error));
  }
  return passkey;
}

/** A challenge taken (single use) before anything else is looked at; a refusal is answered. */
async function taken(take: () => string | Promise<string>): Promise<string> {
  try {
    return await take();
  } catch (error) {
    if (error instanceof PasskeyRefused) throw refused(error);
    throw error;
  }
}

/**
 * "Sign in with a passkey" (the button, or autofill) before any username: the passkey names its
 * user, and one verified with user verification is the whole sign-in (SECURITY 27, 28).
 */
export async function discoverableSignIn(
  ctx: Context,
  rp: RelyingParty,
  key: CryptoKey,
  response: PasskeyAssertion,
): Promise<void> {
  const challenge = await taken(() =>
    takeSignInChallenge(ctx.state, key, response.response.clientDataJSON, ctx.now),
  );
  const user = ctx.state.users.find(
    (u) => u.status === "ACTIVE" && passkeyOf(u, response.id) !== null,
  );
  const handle = response.response.userHandle;
  if (!user || (handle !== undefined && handle !== userHandleOf(user))) {
    throw refused(new PasskeyRefused("credential", "it is not registered here."));
  }
  assertNotLocked(ctx.state, user.login, ctx.now);
  const passkey = await checkAssertion(ctx, rp, challenge, response, user, (error) => {
    recordActivity(ctx.state, {
      userId: user.id,
      type: "factor_failed",
      at: ctx.now,
      userAgent: ctx.userAgent,
      detail: "passkey",
    });
    if (recordFailure(ctx.state, user.login, user, ctx.now, ctx.userAgent))
      assertNotLocked(ctx.state, user.login, ctx.now);
    throw error;
  });
  // A sign-in of its own: a new session for the passkey's user, whatever was typed before.
  const next = startOver(ctx);
  next.login = user.login;
  next.userId = user.id;
  completeSignIn(ctx, next, user, { methodId: passkey.id, mode: "passkey" });
}

function assertRoomFor(user: User) {
  if (user.methods.filter((m) => m.type === "passkey").length >= PASSKEY_POLICY.maxPerUser) {
    throw new Refusal(
      409,
      "PASSKEY_LIMIT",
      `At most ${PASSKEY_POLICY.maxPerUser} passkeys can be set up.`,
    );
  }
}

/** The options for a passkey as the second factor, or for "Verify it's you". */
export async function passkeyOptions(
  ctx: Context,
  flow: VerificationFlow,
  found: Found,
  rp: RelyingParty,
) {
  requireStage(found, "FACTOR");
  assertNotLocked(ctx.state, found.login, ctx.now);
  const { user, session } = withUser(found);
  if (!user.methods.some((m) => m.type === "passkey"))
    throw new Refusal(404, "NOT_FOUND", "No passkey is set up.");
  const challenge = newChallenge(session, flow.kind, ctx.now);
  return authenticationOptions(rp, user, challenge);
}

/** A passkey of that user completes the verification. */
export async function verifyPasskey(
  ctx: Context,
  flow: VerificationFlow,
  found: Found,
  rp: RelyingParty,
  response: PasskeyAssertion,
): Promise<void> {
  requireStage(found, "FACTOR");
  const challenge = await taken(() => takeChallenge(found.session, flow.kind, ctx.now));
  assertNotLocked(ctx.state, found.login, ctx.now);
  const withUserFound = withUser(found);
  const passkey = await checkAssertion(ctx, rp, challenge, response, withUserFound.user, (error) =>
    failFactor(ctx, withUserFound, "passkey", error),
  );
  found.tx.challenge = null;
  flow.completed(ctx, withUserFound, { methodId: passkey.id, mode: "passkey" });
}

/** The options for setting up a passkey; at most PASSKEY_POLICY.maxPerUser per user. */
export function passkeySetUpOptions(ctx: Context, session: Session, user: User, rp: RelyingParty) {
  assertRoomFor(user);
  return registrationOptions(rp, user, newChallenge(session, "register", ctx.now));
}

/** A new passkey, verified against its set-up's challenge, becomes one of the user's methods. */
export async function setUpPasskey(
  ctx: Context,
  session: Session,
  user: User,
  rp: RelyingParty,
  response: PasskeyRegistration,
): Promise<void> {
  const challenge = await taken(() => takeChallenge(session, "register", ctx.now));
  const passkey = await verifyRegistration(rp, challenge, response, {
    user,
    userAgent: ctx.userAgent,
    now: ctx.now,
  }).catch((error: unknown) => {
    throw error instanceof PasskeyRefused ? refused(error) : error;
  });
  assertRoomFor(user);
  // One credential, one account: an ID already registered (here or to anyone) is refused.
  if (ctx.state.users.some((u) => passkeyOf(u, passkey.credentialId))) {
    throw new Refusal(409, "ALREADY_ENROLLED", "This passkey is already set up.");
  }
  addAccessMethod(ctx.state, session, user, passkey);
  endSetUp(session, ctx.now, "passkey");
  notifySecurityChange(ctx, {
    user,
    type: "method_enrolled",
    what: `Passkey (${passkey.name})`,
    subject: "FINRA TRAQS - Security method enrolled",
  });
}

/** Rename: only the name shown changes. */
export function renamePasskey(user: User, id: unknown, name: string): void {
  const passkey = user.methods.find((m): m is PasskeyMethod => m.id === id && m.type === "passkey");
  if (!passkey) throw new Refusal(404, "NOT_FOUND", "That passkey is not set up.");
  passkey.name = name;
}
