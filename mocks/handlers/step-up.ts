import { http } from "msw";
import { StartStepUpRequest } from "../../src/api/contracts/account";
import type { MockDb } from "../db/store";
import { signedIn } from "../http/callers";
import { readBody, route } from "../http/respond";
import { verificationSteps } from "../http/verification-steps";
import { startStepUp, stepUpFlow, toStepUpState } from "../rules/step-up";

/** "Verify it's you": `/api/step-up`, started for a purpose, with the sign-in's own steps. */
export function stepUpHandlers(db: MockDb) {
  return [
    http.post(
      route("/api/step-up/start"),
      signedIn(db, async ({ ctx, session, request }) => {
        startStepUp(session, await readBody(request, StartStepUpRequest));
        return toStepUpState(ctx, session);
      }),
    ),
    http.get(
      route("/api/step-up"),
      signedIn(db, async ({ ctx, session }) => toStepUpState(ctx, session)),
    ),
    ...verificationSteps(db, "/api/step-up", signedIn, stepUpFlow),
  ];
}
