import type * as z from "zod/mini";

/**
 * A search held in the address (so that Back returns to it): the contract's schema reads it back,
 * defaults and all; an address it refuses (a hand-edited status, say) is read as no search.
 */
export function readSearch<S extends z.ZodMiniType<object>>(
  schema: S,
  params: URLSearchParams,
): z.output<S> {
  const given = Object.fromEntries([...params].filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(given);
  return parsed.success ? parsed.data : schema.parse({});
}

/** The search as an address's query (and a request's): only the values given. */
export function searchParams(search: object): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search) as [string, unknown][])
    if (value !== undefined && value !== "") params.set(key, String(value));
  return params;
}
