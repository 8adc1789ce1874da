import * as z from "zod/mini";

/**
 * Configuration, parsed once at start-up. VITE_BACKEND chooses the backend: the mock in this page
 * (browser-mock), the local mock server (mock-server, reached through the dev server's proxy), or a
 * real one at VITE_API_BASE_URL (remote). VITE_ENVIRONMENT says which TRAQS environment this is.
 */
const EnvSchema = z.object({
  VITE_BACKEND: z._default(z.enum(["browser-mock", "mock-server", "remote"]), "browser-mock"),
  VITE_API_BASE_URL: z._default(z.string(), ""),
  VITE_ENVIRONMENT: z._default(z.enum(["NTF", "Production"]), "NTF"),
});

export function parseEnv(raw: Record<string, unknown>) {
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  const { VITE_BACKEND, VITE_API_BASE_URL, VITE_ENVIRONMENT } = parsed.data;
  return {
    backend: VITE_BACKEND,
    /** "" means the app's own origin (the mock in the page, or the dev server's proxy). */
    apiBaseUrl: VITE_BACKEND === "remote" ? VITE_API_BASE_URL.replace(/\/$/, "") : "",
    environment: VITE_ENVIRONMENT,
  };
}

export const env = parseEnv(import.meta.env);
