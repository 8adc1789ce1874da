import type { MockDb } from "../db/store";
import { requestRules } from "../http/request-rules";
import { accountHandlers } from "./account";
import { adminAuditHandlers } from "./admin-audit";
import { adminFirmHandlers } from "./admin-firms";
import { adminMobilePassHandlers } from "./admin-mobilepass";
import { adminUserHandlers } from "./admin-users";
import { apiDownloadHandlers } from "./api-download";
import { authnHandlers } from "./authn";
import { devHandlers } from "./dev";
import { downloadHandlers } from "./download";
import { enrollmentHandlers } from "./enrollment";
import { meHandlers } from "./me";
import { nasdaqHandlers } from "./nasdaq";
import { oauth2Handlers } from "./oauth2";
import { recoveryHandlers } from "./recovery";
import { reportHandlers } from "./reports";
import { sessionHandlers } from "./session";
import { stepUpHandlers } from "./step-up";
import { scenarioHandlers } from "./scenarios";

/** Every handler of the mock backend, over one database: the browser, Vitest and the server use this. */
export function createHandlers(db: MockDb) {
  return [
    ...requestRules(),
    ...authnHandlers(db),
    ...enrollmentHandlers(db),
    ...meHandlers(db),
    ...sessionHandlers(db),
    ...recoveryHandlers(db),
    ...stepUpHandlers(db),
    ...accountHandlers(db),
    ...reportHandlers(db),
    ...apiDownloadHandlers(db),
    ...oauth2Handlers(db),
    ...downloadHandlers(db),
    ...nasdaqHandlers(db),
    ...adminUserHandlers(db),
    ...adminAuditHandlers(db),
    ...adminFirmHandlers(db),
    ...adminMobilePassHandlers(db),
    ...devHandlers(db),
    ...scenarioHandlers(db),
  ];
}
