import { http } from "msw";
import { CreateUserRequest } from "../../src/api/contracts/scenarios";
import type { MockDb } from "../db/store";
import { createScenarioUser } from "../rules/scenarios";
import { HandlerError, json, readBody, respond, route } from "./http";

/** QA's scenarios: `POST /__dev/users` makes a user in a described state (docs/qa.md). */
export function scenarioHandlers(db: MockDb) {
  return [
    http.post(route("/__dev/users"), ({ request }) =>
      respond(() =>
        db.transaction(async (state) => {
          const described = await readBody(request, CreateUserRequest);
          const created = await createScenarioUser(state, described, db.now(state));
          if (!created)
            throw new HandlerError(409, "ALREADY_ENROLLED", "A user with this username exists.");
          return json(created, { status: 201 });
        }),
      ),
    ),
  ];
}
