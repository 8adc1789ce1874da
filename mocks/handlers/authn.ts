import { http } from "msw";
import { EmailCodeRequest, IdentifyRequest } from "../../src/api/contracts/authn";
import { PasskeyAssertion } from "../../src/api/contracts/passkeys";
import type { MockDb } from "../db/store";
import { anonymous, inSignIn } from "../http/callers";
import { readBody, route } from "../http/respond";
import { verificationSteps } from "../http/verification-steps";
import { discoverableSignIn } from "../rules/passkey-steps";
import { authenticationOptions, newSignInChallenge, relyingPartyOf } from "../rules/passkeys";
import {
  cancelSignIn,
  identify,
  resendEmailCode,
  signInFlow,
  toAuthnState,
  verifyEmailCode,
} from "../rules/sign-in";

/** The sign-in: `/api/authn`, its verification steps, and "Sign in with a passkey". */
export function authnHandlers(db: MockDb) {
  return [
    http.get(
      route("/api/authn"),
      inSignIn(db, async ({ ctx }) => toAuthnState(ctx.state, ctx.session, ctx.now)),
    ),

    http.post(
      route("/api/authn/identify"),
      inSignIn(db, async ({ ctx, request }) => {
        const { username } = await readBody(request, IdentifyRequest);
        identify(ctx, username);
        return toAuthnState(ctx.state, ctx.session, ctx.now);
      }),
    ),

    ...verificationSteps(db, "/api/authn", inSignIn, signInFlow),

    /** The code emailed after an administrator's reset of the security methods: then the set-up. */
    http.post(
      route("/api/authn/email-code"),
      inSignIn(db, async ({ ctx, request }) => {
        const { code } = await readBody(request, EmailCodeRequest);
        await verifyEmailCode(ctx, code);
        return toAuthnState(ctx.state, ctx.session, ctx.now);
      }),
    ),
    http.post(
      route("/api/authn/email-code/resend"),
      inSignIn(db, async ({ ctx }) => {
        await resendEmailCode(ctx);
        return toAuthnState(ctx.state, ctx.session, ctx.now);
      }),
    ),

    /**
     * "Sign in with a passkey" (the button, or autofill on the username field), before any
     * username, whatever stage this browser's sign-in is at. The options read and write no
     * session: a cookie set or cleared here could land after the username's Next has started a
     * sign-in, and undo it.
     */
    http.post(
      route("/api/authn/passkey-sign-in/options"),
      anonymous(db, async ({ ctx, request }) =>
        authenticationOptions(
          relyingPartyOf(request),
          null,
          await newSignInChallenge(await db.sealingKey(), ctx.now),
        ),
      ),
    ),
    http.post(
      route("/api/authn/passkey-sign-in/verify"),
      inSignIn(db, async ({ ctx, request }) => {
        const response = await readBody(request, PasskeyAssertion);
        await discoverableSignIn(ctx, relyingPartyOf(request), await db.sealingKey(), response);
        return toAuthnState(ctx.state, ctx.session, ctx.now);
      }),
    ),

    http.post(
      route("/api/authn/cancel"),
      inSignIn(db, async ({ ctx }) => {
        cancelSignIn(ctx);
        return toAuthnState(ctx.state, null, ctx.now);
      }),
    ),
  ];
}
