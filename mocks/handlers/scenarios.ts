import { http } from "msw";
import { CreateUserRequest } from "../../src/api/contracts/scenarios";
import type { MockDb } from "../db/store";
import { anonymous } from "../http/callers";
import { json, readBody, route } from "../http/respond";
import { Refusal } from "../rules/refusal";
import { createScenarioUser } from "../rules/scenarios";

/** QA's scenarios: `POST /__dev/users` makes a user in a described state (docs/qa.md). */
export function scenarioHandlers(db: MockDb) {
  return [
    http.post(
      route("/__dev/users"),
      anonymous(db, async ({ ctx, request }) => {
        const described = await readBody(request, CreateUserRequest);
        const created = await createScenarioUser(ctx.state, described, ctx.now);
        if (!created)
          throw new Refusal(409, "ALREADY_ENROLLED", "A user with this username exists.");
        return json(created, { status: 201 });
      }),
    ),
  ];
}
