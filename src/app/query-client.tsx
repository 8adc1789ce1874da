import {
  QueryClient,
  QueryClientProvider,
  QueryObserver,
  type QueryState,
} from "@tanstack/react-query";
import type { ComponentType } from "react";
import { worthRetrying } from "@/api/client";
import type { AuthnState } from "@/api/contracts/authn";
import { meQueryOptions } from "@/api/me";
import { authnQueryOptions, stepUpQueryOptions } from "@/components/verification/api";
import {
  handOverSignInState,
  type SignInState,
  type SignInStateSource,
} from "@/components/verification/sign-in-state";

/** Queries retry server and network failures with backoff; a 4xx will not change by retrying. Mutations never repeat on their own. */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: worthRetrying, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/**
 * The app's one query cache. It is not in the first load (decision 031): it loads with the first
 * page that needs it (`lazyPage`), which it wraps, and takes over the sign-in's state from there.
 */
export const queryClient = createQueryClient();

/** A page with the app's query cache. */
export function withQueryClient(Page: ComponentType): ComponentType {
  return function WithQueryClient() {
    return (
      <QueryClientProvider client={queryClient}>
        <Page />
      </QueryClientProvider>
    );
  };
}

/** The cache's `["authn"]` query as the sign-in's state (src/components/verification/sign-in-state.ts). */
function signInStateInCache(held: {
  state: SignInState;
  pending: Promise<AuthnState> | null;
}): SignInStateSource {
  const { queryKey } = authnQueryOptions();
  if (held.state.data) queryClient.setQueryData(queryKey, held.state.data);
  // The GET under way is the query's fetch: a screen opening meanwhile waits for it, not a second.
  else if (held.pending)
    void queryClient
      .fetchQuery({ ...authnQueryOptions(), queryFn: () => held.pending!, retry: false })
      .catch(() => undefined);
  const get = (): QueryState<AuthnState> | undefined => queryClient.getQueryState(queryKey);
  return {
    get,
    subscribe: (listener) => {
      // As a query's screen: it fetches when there is no state, and is refetched on a reset.
      const stopObserving = new QueryObserver(queryClient, authnQueryOptions()).subscribe(
        () => undefined,
      );
      const stopListening = queryClient.getQueryCache().subscribe(listener);
      return () => {
        stopListening();
        stopObserving();
      };
    },
    refetch: () => void queryClient.refetchQueries({ queryKey }),
    cancel: () => void queryClient.cancelQueries({ queryKey }),
    set: (state) => queryClient.setQueryData(queryKey, state),
    forget: () => {
      // Forget the user and every sign-in state: a cached "SUCCESS" would send sign-in straight
      // back to the page, which would wait forever for a session that has ended. What is on
      // screen starts again from nothing (a refusal can arrive after Sign In has opened: removing
      // its query mid-request would leave it loading forever); the rest is dropped.
      for (const { queryKey } of [meQueryOptions(), authnQueryOptions(), stepUpQueryOptions()]) {
        void queryClient.resetQueries({ queryKey, type: "active" });
        queryClient.removeQueries({ queryKey, type: "inactive" });
      }
    },
  };
}

handOverSignInState(signInStateInCache);
