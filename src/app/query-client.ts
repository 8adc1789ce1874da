import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "@/api/client";

/** Queries retry server and network failures with backoff; a 4xx will not change by retrying. Mutations never repeat on their own. */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          failureCount < 3 &&
          !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
