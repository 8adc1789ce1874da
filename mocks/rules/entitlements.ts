import type { Entitlement, Environment, Facility } from "../../src/api/contracts/admin";
import { ENVIRONMENTS, FACILITIES } from "../../src/api/contracts/admin";
import type { User } from "../db/state";

/**
 * The TRAQS environment this backend is: the app's default build is NTF (src/config/env.ts), where
 * the notice's API users test first. A user may download a facility's files here when an Order
 * Form entitled them to it in this environment.
 */
export const BACKEND_ENVIRONMENT: Environment = "NTF";

/** The facilities the user may download in this backend's environment. */
export function entitledFacilities(user: User): Facility[] {
  return user.entitlements
    .filter((e) => e.environment === BACKEND_ENVIRONMENT)
    .map((e) => e.facility);
}

/** Entitlement to these facilities in every environment. */
export function everywhere(facilities: readonly Facility[]): Entitlement[] {
  return facilities.flatMap((facility) =>
    ENVIRONMENTS.map((environment) => ({ facility, environment })),
  );
}

/** One entry per facility and environment, in the Order Form's order. */
export function normalEntitlements(entitlements: readonly Entitlement[]): Entitlement[] {
  return FACILITIES.flatMap((facility) =>
    ENVIRONMENTS.filter((environment) =>
      entitlements.some((e) => e.facility === facility && e.environment === environment),
    ).map((environment) => ({ facility, environment })),
  );
}
