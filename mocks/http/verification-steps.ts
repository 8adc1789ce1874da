import { http } from "msw";
import {
  ChallengeRequest,
  PasswordRequest,
  VerifyCodeRequest,
} from "../../src/api/contracts/authn";
import { PasskeyAssertion } from "../../src/api/contracts/passkeys";
import { RecoveryCodeRequest } from "../../src/api/contracts/recovery-codes";
import type { MockDb } from "../db/store";
import { passkeyOptions, verifyPasskey } from "../rules/passkey-steps";
import { relyingPartyOf } from "../rules/passkeys";
import {
  pollPush,
  startChallenge,
  verifyCode,
  verifyPassword,
  verifyRecoveryCode,
  type Found,
  type VerificationFlow,
} from "../rules/verification";
import type { Call, Handle, Resolver } from "./callers";
import { readBody, route } from "./respond";

/**
 * The steps of a verification under its base path, shared by the sign-in (`/api/authn`, a caller in
 * a sign-in) and "Verify it's you" (`/api/step-up`, a signed-in caller): `password`, `challenge`,
 * `verify`, `recovery-code`, `poll`, `passkey/options` and `passkey/verify`. Each answers with the
 * verification's state, except the passkey options.
 */
export function verificationSteps(
  db: MockDb,
  base: string,
  caller: (db: MockDb, handle: Handle) => Resolver,
  flow: VerificationFlow,
) {
  const step = (run: (call: Call, found: Found) => Promise<void>) =>
    caller(db, async (call) => {
      const found = flow.load(call.ctx);
      await run(call, found);
      return flow.view(call.ctx, found.session);
    });
  return [
    http.post(
      route(`${base}/password`),
      step(async ({ ctx, request }, found) => {
        const { password } = await readBody(request, PasswordRequest);
        await verifyPassword(ctx, flow, found, password);
      }),
    ),
    http.post(
      route(`${base}/challenge`),
      step(async ({ ctx, request }, found) =>
        startChallenge(ctx, flow, found, await readBody(request, ChallengeRequest)),
      ),
    ),
    http.post(
      route(`${base}/verify`),
      step(async ({ ctx, request }, found) =>
        verifyCode(ctx, flow, found, await readBody(request, VerifyCodeRequest)),
      ),
    ),
    http.post(
      route(`${base}/recovery-code`),
      step(async ({ ctx, request }, found) => {
        const { code } = await readBody(request, RecoveryCodeRequest);
        await verifyRecoveryCode(ctx, flow, found, code);
      }),
    ),
    http.post(
      route(`${base}/poll`),
      step(async ({ ctx }, found) => pollPush(ctx, flow, found)),
    ),
    http.post(
      route(`${base}/passkey/options`),
      caller(db, async ({ ctx, request }) =>
        passkeyOptions(ctx, flow, flow.load(ctx), relyingPartyOf(request)),
      ),
    ),
    http.post(
      route(`${base}/passkey/verify`),
      step(async ({ ctx, request }, found) => {
        const response = await readBody(request, PasskeyAssertion);
        await verifyPasskey(ctx, flow, found, relyingPartyOf(request), response);
      }),
    ),
  ];
}
