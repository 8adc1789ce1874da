import type { MethodDetails } from "../../src/api/contracts/passkeys";
import type { PasskeyMethod } from "../db/state";

const iso = (ms: number) => new Date(ms).toISOString();

/** A passkey as Settings and the sign-in screens see it: never its key or credential ID. */
export function toPasskeyFactor(method: PasskeyMethod): MethodDetails {
  return {
    id: method.id,
    type: "passkey",
    name: method.name,
    synced: method.backupEligible,
    createdAt: iso(method.createdAt),
    lastUsedAt: method.lastUsedAt === null ? null : iso(method.lastUsedAt),
  };
}
