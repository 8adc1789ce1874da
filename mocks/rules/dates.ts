/** An instant as the contracts send it (ISO 8601, UTC). */
export const iso = (ms: number) => new Date(ms).toISOString();

/** The same, for an instant that may not have happened (a token never used, never revoked). */
export const isoOrNull = (ms: number | null | undefined) => (ms == null ? null : iso(ms));
