import { http } from "msw";
import {
  PasskeyAssertion,
  PasskeyRegistration,
  RenamePasskeyRequest,
} from "../../src/api/contracts/passkeys";
import { recordActivity } from "../db/activity";
import { removeSession, startSession } from "../db/sessions";
import type { PasskeyMethod, User } from "../db/state";
import type { MockDb } from "../db/store";
import { recordFailure } from "../rules/lockout";
import { notifySecurityChange } from "../rules/notifications";
import {
  authenticationOptions,
  newChallenge,
  PASSKEY_POLICY,
  PasskeyRefused,
  passkeyOf,
  registrationOptions,
  relyingPartyOf,
  takeChallenge,
  takeSignInChallenge,
  newSignInChallenge,
  userHandleOf,
  verifyAssertion,
  verifyRegistration,
} from "../rules/passkeys";
import { completeSignIn } from "../rules/sign-in";
import { toAccountState } from "./account";
import { endSetUp, step } from "./enrollment";
import { hasSettingsAccess } from "../rules/verification-grants";
import { HandlerError, json, readBody, respond, route } from "./http";
import { signedIn, withSession, type SessionContext } from "./session-context";
import {
  assertNotLocked,
  failFactor,
  requireStage,
  withUser,
  type VerificationFlow,
} from "./verification";

const refused = (error: PasskeyRefused) =>
  new HandlerError(401, "PASSKEY_REFUSED", `That passkey was refused: ${error.message}`);

/**
 * A signature counter that went backwards: the passkey may have been copied (WebAuthn L3
 * §6.1.1). The user is told at once, by email and in Recent Activity (SECURITY 28).
 */
function alertCounter(ctx: SessionContext, user: User, passkey: PasskeyMethod) {
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
  ctx: SessionContext,
  request: Request,
  challenge: string,
  response: PasskeyAssertion,
  user: User,
  refuse: (error: HandlerError) => never,
): Promise<PasskeyMethod> {
  const passkey = passkeyOf(user, response.id);
  // Another user's passkey, or one not registered (or registered for another RP ID): refused.
  if (!passkey) refuse(refused(new PasskeyRefused("credential", "it is not one of yours.")));
  try {
    await verifyAssertion(relyingPartyOf(request), challenge, response, passkey, ctx.now);
  } catch (error) {
    if (!(error instanceof PasskeyRefused)) throw error;
    if (error.reason === "counter") alertCounter(ctx, user, passkey);
    refuse(refused(error));
  }
  return passkey;
}

/** A challenge taken (single use) before anything else is looked at; a refusal is answered. */
function taken(take: () => string): string {
  try {
    return take();
  } catch (error) {
    if (error instanceof PasskeyRefused) throw refused(error);
    throw error;
  }
}

/**
 * "Sign in with a passkey" (the button, or autofill) before any username: the passkey names its
 * user, and one verified with user verification is the whole sign-in (SECURITY 27, 28).
 */
async function discoverableSignIn(
  ctx: SessionContext,
  request: Request,
  response: PasskeyAssertion,
  flow: VerificationFlow,
) {
  const challenge = taken(() =>
    takeSignInChallenge(ctx.state, response.response.clientDataJSON, ctx.now),
  );
  const user = ctx.state.users.find(
    (u) => u.status === "ACTIVE" && passkeyOf(u, response.id) !== null,
  );
  const handle = response.response.userHandle;
  if (!user || (handle !== undefined && handle !== userHandleOf(user))) {
    throw refused(new PasskeyRefused("credential", "it is not registered here."));
  }
  assertNotLocked(ctx.state, user.login, ctx.now);
  const passkey = await checkAssertion(ctx, request, challenge, response, user, (error) => {
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
  if (ctx.session) removeSession(ctx.state, ctx.session.id);
  const next = startSession(ctx.state, ctx.now, ctx.userAgent);
  next.login = user.login;
  next.userId = user.id;
  completeSignIn(ctx, next, user, { methodId: passkey.id, mode: "passkey" });
  return { session: next, body: flow.view(ctx, next) };
}

/**
 * Passkey steps of a verification flow in its FACTOR stage: `${base}/passkey/options` and
 * `${base}/passkey/verify`. A passkey of that user is the second factor, or "Verify it's you".
 */
export function passkeyVerificationHandlers(db: MockDb, flow: VerificationFlow) {
  return [
    http.post(route(`${flow.base}/passkey/options`), ({ request, cookies }) =>
      withSession(db, request, cookies, async (ctx) => {
        const found = flow.load(ctx);
        requireStage(found, "FACTOR");
        assertNotLocked(ctx.state, found.login, ctx.now);
        const { user, session } = withUser(found);
        if (!user.methods.some((m) => m.type === "passkey"))
          throw new HandlerError(404, "NOT_FOUND", "No passkey is set up.");
        const challenge = newChallenge(session, flow.kind, ctx.now);
        return {
          session,
          body: await authenticationOptions(relyingPartyOf(request), user, challenge),
        };
      }),
    ),

    http.post(route(`${flow.base}/passkey/verify`), ({ request, cookies }) =>
      withSession(db, request, cookies, async (ctx) => {
        const response = await readBody(request, PasskeyAssertion);
        const found = flow.load(ctx);
        requireStage(found, "FACTOR");
        const challenge = taken(() => takeChallenge(found.session, flow.kind, ctx.now));
        assertNotLocked(ctx.state, found.login, ctx.now);
        const withUserFound = withUser(found);
        const passkey = await checkAssertion(
          ctx,
          request,
          challenge,
          response,
          withUserFound.user,
          (error) => failFactor(ctx, withUserFound, "passkey", error),
        );
        found.tx.challenge = null;
        flow.completed(ctx, withUserFound, { methodId: passkey.id, mode: "passkey" });
        return { session: found.session, body: flow.view(ctx, found.session) };
      }),
    ),
  ];
}

/**
 * "Sign in with a passkey" (the button, or autofill on the username field), before any username:
 * `/api/authn/passkey-sign-in/options` and `/verify`, whatever stage this browser's sign-in is at.
 */
export function passkeySignInHandlers(db: MockDb, signIn: VerificationFlow) {
  return [
    // No session read or written: a cookie set or cleared here could land after the username's
    // Next has started a sign-in, and undo it.
    http.post(route("/api/authn/passkey-sign-in/options"), ({ request }) =>
      respond(() =>
        db.transaction(async (state) => {
          const challenge = newSignInChallenge(state, db.now(state));
          return json(await authenticationOptions(relyingPartyOf(request), null, challenge));
        }),
      ),
    ),
    http.post(route("/api/authn/passkey-sign-in/verify"), ({ request, cookies }) =>
      withSession(db, request, cookies, async (ctx) =>
        discoverableSignIn(ctx, request, await readBody(request, PasskeyAssertion), signIn),
      ),
    ),
  ];
}

function assertRoomFor(user: User) {
  if (user.methods.filter((m) => m.type === "passkey").length >= PASSKEY_POLICY.maxPerUser) {
    throw new HandlerError(
      409,
      "PASSKEY_LIMIT",
      `At most ${PASSKEY_POLICY.maxPerUser} passkeys can be set up.`,
    );
  }
}

/** Setting up a passkey (activation, or Settings after its change verification), and Rename. */
export function passkeyHandlers(db: MockDb) {
  return [
    http.post(
      route("/api/enroll/passkey/options"),
      step(db, "passkey", async (ctx, { session, user }, request) => {
        assertRoomFor(user);
        return registrationOptions(
          relyingPartyOf(request),
          user,
          newChallenge(session, "register", ctx.now),
        );
      }),
    ),

    http.post(
      route("/api/enroll/passkey/verify"),
      step(db, "passkey", async (ctx, { session, user }, request) => {
        const response = await readBody(request, PasskeyRegistration);
        const challenge = taken(() => takeChallenge(session, "register", ctx.now));
        const passkey = await verifyRegistration(relyingPartyOf(request), challenge, response, {
          user,
          userAgent: ctx.userAgent,
          now: ctx.now,
        }).catch((error: unknown) => {
          throw error instanceof PasskeyRefused ? refused(error) : error;
        });
        assertRoomFor(user);
        // One credential, one account: an ID already registered (here or to anyone) is refused.
        if (ctx.state.users.some((u) => passkeyOf(u, passkey.credentialId))) {
          throw new HandlerError(409, "ALREADY_ENROLLED", "This passkey is already set up.");
        }
        user.methods.push(passkey);
        endSetUp(session, ctx.now, "passkey");
        notifySecurityChange(ctx, {
          user,
          type: "method_enrolled",
          what: `Passkey (${passkey.name})`,
          subject: "FINRA TRAQS - Security method enrolled",
        });
        return undefined;
      }),
    ),

    /** Rename: only the name shown changes, so Settings being open is enough. */
    http.put(
      route("/api/account/methods/:id/name"),
      signedIn(db, async (ctx, { session, user }, request, params) => {
        const { name } = await readBody(request, RenamePasskeyRequest);
        if (!hasSettingsAccess(session, ctx.now)) {
          throw new HandlerError(
            403,
            "STEP_UP_REQUIRED",
            "Verify it's you with a security method first.",
          );
        }
        const passkey = user.methods.find(
          (m): m is PasskeyMethod => m.id === params.id && m.type === "passkey",
        );
        if (!passkey) throw new HandlerError(404, "NOT_FOUND", "That passkey is not set up.");
        passkey.name = name;
        return toAccountState(user, session);
      }),
    ),
  ];
}
