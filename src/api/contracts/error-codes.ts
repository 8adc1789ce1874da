import * as z from "zod/mini";
import { ErrorAnswer } from "./common";

/**
 * Error codes the backend may answer with. The UI turns each into words through i18n
 * (`errors.<code>`), so the set is closed: a new code means a new translation. The app itself
 * reads codes as strings (`ErrorAnswer`): this list is for the mock and the published contract.
 */
export const ERROR_CODES = [
  "VALIDATION",
  "CROSS_ORIGIN",
  "INVALID_CREDENTIALS",
  "INVALID_CODE",
  "CODE_EXPIRED",
  "CODE_ALREADY_USED",
  "CLOCK_SKEW",
  "ACCOUNT_LOCKED",
  "RATE_LIMITED",
  "UNAUTHENTICATED",
  "WRONG_STEP",
  "NOT_FOUND",
  "USERNAME_INACTIVE",
  "PUSH_DENIED",
  "PUSH_EXPIRED",
  "PUSH_WRONG_NUMBER",
  "ACTIVATION_INVALID",
  "ACTIVATION_EXPIRED",
  "ACTIVATION_USED",
  "REPORT_LINK_EXPIRED",
  "PASSWORD_POLICY",
  "INVALID_PHONE",
  "ENROLLMENT_INCOMPLETE",
  "ALREADY_ENROLLED",
  "STEP_UP_REQUIRED",
  "LAST_METHOD",
  "RECOVERY_ENDED",
  "INVALID_ANSWER",
  "NOT_ENTITLED",
  "PASSKEY_REFUSED",
  "PASSKEY_LIMIT",
  "ACTIVATION_REVOKED",
  "NO_TOKEN",
  "TOKEN_EXISTS",
  "FORBIDDEN",
  "ACCOUNT_SUSPENDED",
  "ACCOUNT_DEACTIVATED",
  "SHARED_ADDRESS",
  "OUTSIDE_DOMAIN",
  "ADDRESS_TAKEN",
  "USERNAME_TAKEN",
  "SELF_ACTION",
  "LAST_ADMINISTRATOR",
  "USER_STATUS",
  "NTF_TEST_STARTED",
  "SERVER_ERROR",
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The body of every error response of the `/api` endpoints. */
export const ErrorBody = z.object({
  error: z.extend(ErrorAnswer.shape.error, { code: ErrorCode }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
