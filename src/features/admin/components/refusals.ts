import { ApiError } from "@/api/client";

/**
 * The field a refusal of the backend is about (docs/admin-api.md: SHARED_ADDRESS, OUTSIDE_DOMAIN,
 * ADDRESS_TAKEN name `email`; USERNAME_TAKEN names `traqsUsernames`), so the form shows it there.
 */
export function refusedField(error: unknown): string | null {
  if (!(error instanceof ApiError) || !error.fields) return null;
  return Object.keys(error.fields)[0] ?? null;
}
