import type { MockDb } from "../db/store";
import { authnHandlers } from "./authn";
import { devHandlers } from "./dev";
import { meHandlers } from "./me";

/** Every handler of the mock backend, over one database: the browser, Vitest and the server use this. */
export function createHandlers(db: MockDb) {
  return [...authnHandlers(db), ...meHandlers(db), ...devHandlers(db)];
}
