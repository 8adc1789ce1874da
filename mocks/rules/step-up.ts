import type { StartStepUpRequest } from "../../src/api/contracts/account";
import type { AuthnState } from "../../src/api/contracts/authn";
import { rotateSession, userById } from "../db/sessions";
import type { Session, StepUp } from "../db/state";
import type { Context } from "./context";
import { Refusal } from "./refusal";
import { signedInUser } from "./sign-in";
import { toVerificationState, type VerificationFlow } from "./verification";

/**
 * "Verify it's you": a step-up inside the signed-in session, with the sign-in's own steps. What it
 * grants is rules/step-up-grants.ts.
 */

/** Opening Settings takes one method or the password (guide Section 2); the rest, a method. */
function opensSettingsWithPassword(tx: StepUp | null | undefined): boolean {
  return tx?.purpose === "view" && tx.stage === "FACTOR";
}

function completeStepUp(ctx: Context, session: Session) {
  const tx = session.stepUp as StepUp;
  tx.stage = "SUCCESS";
  tx.factorAt = ctx.now;
  if (tx.purpose !== "view") tx.grant = { purpose: tx.purpose, change: tx.change, at: ctx.now };
  rotateSession(session);
}

/** Where the step-up of this session stands, as "Verify it's you" sees it. */
export function toStepUpState(ctx: Context, session: Session | null): AuthnState {
  const user = session ? userById(ctx.state, session.userId) : null;
  const tx = session?.stepUp;
  const state = toVerificationState(
    ctx.state,
    {
      status: tx?.stage ?? "IDENTIFY",
      username: user?.login ?? null,
      user,
      challenge: tx?.challenge ?? null,
    },
    ctx.now,
  );
  return opensSettingsWithPassword(tx) ? { ...state, passwordAccepted: true } : state;
}

/** A new step-up for one purpose: a change asks for the password first, then a method. */
export function startStepUp(session: Session, start: StartStepUpRequest): void {
  session.stepUp = {
    purpose: start.purpose,
    change: start.purpose === "change" ? start.change : null,
    stage: start.purpose === "change" ? "PASSWORD" : "FACTOR",
    challenge: null,
    factorAt: session.stepUp?.factorAt ?? null,
    grant: null,
  };
}

export const stepUpFlow: VerificationFlow = {
  kind: "step-up",
  load(ctx) {
    const { session, user } = signedInUser(ctx);
    if (!session.stepUp) throw new Refusal(409, "WRONG_STEP", "Start the verification again.");
    return { session, tx: session.stepUp, user, login: user.login };
  },
  passwordVerified(ctx, { session }) {
    const tx = session.stepUp as StepUp;
    // Before a change the password comes first, then a method; to open Settings it is enough.
    if (tx.stage === "PASSWORD") tx.stage = "FACTOR";
    else completeStepUp(ctx, session);
  },
  acceptsPasswordAlone: ({ session }) => opensSettingsWithPassword(session.stepUp),
  completed(ctx, { session, user }, lastUsed) {
    if (lastUsed) user.lastUsed = lastUsed;
    completeStepUp(ctx, session);
  },
  view: (ctx, session) => toStepUpState(ctx, session),
};
