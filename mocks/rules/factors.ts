import type { Factor } from "../../src/api/contracts/authn";
import type { MethodDetails } from "../../src/api/contracts/passkeys";
import type { AccessMethod, PasskeyMethod } from "../db/state";
import { iso } from "./dates";
import { maskPhone } from "./phone";

/** A passkey as Settings and the sign-in screens see it: never its key or credential ID. */
function toPasskeyFactor(method: PasskeyMethod): MethodDetails {
  return {
    id: method.id,
    type: "passkey",
    name: method.name,
    synced: method.backupEligible,
    createdAt: iso(method.createdAt),
    lastUsedAt: method.lastUsedAt === null ? null : iso(method.lastUsedAt),
  };
}

/** A method as the screens see it: never its secret or full number. */
export function toFactor(method: AccessMethod): Factor {
  switch (method.type) {
    case "phone":
      return {
        id: method.id,
        type: method.type,
        maskedPhone: maskPhone(method.e164),
        channel: method.channel,
      };
    case "okta_verify":
      return { id: method.id, type: method.type, deviceName: method.deviceName };
    case "google_authenticator":
      return { id: method.id, type: method.type };
    case "passkey":
      return toPasskeyFactor(method);
  }
}

/** A method as a notification email names it ("Phone +1 ••• ••• 0123", "Passkey (iPhone)"). */
export function describeMethod(method: AccessMethod): string {
  switch (method.type) {
    case "phone":
      return `Phone ${maskPhone(method.e164)}`;
    case "okta_verify":
      return `Okta Verify (${method.deviceName})`;
    case "passkey":
      return `Passkey (${method.name})`;
    case "google_authenticator":
      return "Google Authenticator";
  }
}
