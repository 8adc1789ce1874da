/**
 * Users search on Large Broker's 10,000 users (issue 16: "a search answers within 100 ms in the
 * mock"). A benchmark, not a test: `npx vitest bench --run mocks/rules/administration.bench.ts`
 * prints the mean and p99 in ms of each search, which must stay under 100 ms.
 */
import { bench, describe } from "vitest";
import { seedState } from "../db/seed";
import { asAdministrator, searchUsers } from "./administration";
import { generatedUsers } from "./firms";

const now = Date.UTC(2026, 11, 2);
const state = await seedState(now);
const hank = state.users.find((u) => u.role === "help-desk");
const admin = hank && asAdministrator(state, hank);
if (!admin) throw new Error("no help desk in the seed");

const search = (query: Partial<Parameters<typeof searchUsers>[2]>) =>
  searchUsers(
    state,
    admin,
    { sort: "name", direction: "asc", page: "1", firmId: "large-broker", ...query },
    now,
  );

describe("Users search over 10,000 users", () => {
  // The made-up users are built on first use and then kept: each search filters, sorts, pages.
  for (const firm of state.firms) generatedUsers(firm);
  bench("all, by name, page 1", () => void search({}));
  bench(
    "all, by last sign-in, descending, page 200",
    () => void search({ sort: "lastSignIn", direction: "desc", page: "200" }),
  );
  bench(
    "by status (Suspended), by email",
    () => void search({ status: "Suspended", sort: "email" }),
  );
  bench("a name typed", () => void search({ query: "garcia" }));
  bench(
    "every firm (no firm chosen), by status",
    () => void search({ firmId: undefined, sort: "status" }),
  );
});
