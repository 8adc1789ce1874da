import type { MockDb } from "../db/store";
import { accountHandlers } from "./account";
import { adminAuditHandlers } from "./admin-audit";
import { adminFirmHandlers } from "./admin-firms";
import { adminUserHandlers } from "./admin-users";
import { apiDownloadHandlers } from "./api-download";
import { authnHandlers } from "./authn";
import { devHandlers } from "./dev";
import { enrollmentHandlers } from "./enrollment";
import { requestRules } from "./http";
import { meHandlers } from "./me";
import { nasdaqHandlers } from "./nasdaq";
import { passkeyHandlers } from "./passkeys";
import { recoveryHandlers } from "./recovery";

/** Every handler of the mock backend, over one database: the browser, Vitest and the server use this. */
export function createHandlers(db: MockDb) {
  return [
    ...requestRules(),
    ...authnHandlers(db),
    ...enrollmentHandlers(db),
    ...meHandlers(db),
    ...recoveryHandlers(db),
    ...accountHandlers(db),
    ...passkeyHandlers(db),
    ...apiDownloadHandlers(db),
    ...nasdaqHandlers(db),
    ...adminUserHandlers(db),
    ...adminAuditHandlers(db),
    ...adminFirmHandlers(db),
    ...devHandlers(db),
  ];
}
