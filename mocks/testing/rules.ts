import { seedState } from "../db/seed";
import type { MockState } from "../db/state";
import type { Context } from "../rules/context";
import { Refusal } from "../rules/refusal";

/** The moment the rules' unit tests happen at. */
export const NOW = Date.UTC(2025, 5, 2, 14, 0, 0);

/** A rule's context over freshly seeded data, with no session. */
export async function seededContext(): Promise<Context & { state: MockState }> {
  return { state: await seedState(NOW), session: null, now: NOW, userAgent: "test" };
}

/** How a rule refused (status and code), or "no refusal". */
export function refusalOf(run: () => unknown): [number, string] | string {
  try {
    run();
    return "no refusal";
  } catch (error) {
    if (error instanceof Refusal) return [error.status, error.code];
    throw error;
  }
}
