import type { AdministrationRole } from "../../src/api/contracts/me";
import type { MockState, User } from "../db/state";

/** What the user administers, as Me shows it: their firm (SAA), every firm (help desk), or none. */
export function administrationOf(state: MockState, user: User): AdministrationRole | null {
  if (user.role === "help-desk") return { role: "help-desk" };
  if (user.role !== "firm-administrator") return null;
  const firm = state.firms.find((f) => f.id === user.firmId);
  return firm ? { role: "firm-administrator", firm: { id: firm.id, name: firm.name } } : null;
}
