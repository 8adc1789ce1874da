import type { ErrorBody, ErrorCode } from "../../src/api/contracts/error-codes";

/**
 * A request the domain refuses, in the contract's own terms: its error code, a message, and the
 * status the API answers it with (the same code can mean 401 or 409 depending on the step). Rules
 * throw it; the HTTP layer only writes it out (mocks/http/respond.ts).
 */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extra: Omit<ErrorBody["error"], "code" | "message"> = {},
  ) {
    super(message);
  }
}
