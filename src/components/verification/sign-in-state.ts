import { useSyncExternalStore } from "react";
import { apiRequest, worthRetrying } from "@/api/client";
import { AuthnState } from "@/api/contracts/authn";

/**
 * The sign-in in progress (`GET /api/authn`), as every sign-in screen reads it. Sign In, the first
 * page, holds it here without the query cache, which is not in the first load (decision 031); the
 * first page that loads the cache hands it over (`handOverSignInState`), and from then on this is
 * the cache's `["authn"]` query: the later steps, their mutations and Sign In read and write one
 * state.
 */
export type SignInState = {
  status: "pending" | "error" | "success";
  data: AuthnState | undefined;
  error: unknown;
};

/** Where the state is held: here until the cache loads, in the cache after. */
export type SignInStateSource = {
  get: () => SignInState | undefined;
  /** A screen showing the state: fetched if not there yet; `listener` hears every change. */
  subscribe: (listener: () => void) => () => void;
  refetch: () => void;
  cancel: () => void;
  set: (state: AuthnState) => void;
  /** The session has ended: the state is fetched again where shown, forgotten elsewhere. */
  forget: () => void;
};

const PENDING: SignInState = { status: "pending", data: undefined, error: null };

/** The state before the cache: one GET at a time, retried as the cache's queries are. */
function heldHere() {
  let state = PENDING;
  let request: { controller: AbortController; answer: Promise<AuthnState> } | null = null;
  const listeners = new Set<() => void>();
  const change = (next: SignInState) => {
    state = next;
    listeners.forEach((listener) => listener());
  };
  const cancel = () => {
    request?.controller.abort();
    request = null;
  };
  const fetchState = () => {
    cancel();
    const controller = new AbortController();
    const attempt = async (failures: number): Promise<AuthnState> => {
      try {
        return await apiRequest("/api/authn", AuthnState, { signal: controller.signal });
      } catch (error) {
        if (controller.signal.aborted || !worthRetrying(failures, error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** failures));
        if (controller.signal.aborted) throw error;
        return attempt(failures + 1);
      }
    };
    const current = (request = { controller, answer: attempt(0) });
    // An answer counts only while its GET is the one under way (not canceled, not replaced).
    current.answer.then(
      (data) => {
        if (request !== current) return;
        request = null;
        change({ status: "success", data, error: null });
      },
      (error: unknown) => {
        if (request !== current) return;
        request = null;
        change({ status: "error", data: undefined, error });
      },
    );
  };
  const source = {
    get: () => state,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      if (state.data === undefined && !request) fetchState();
      return () => void listeners.delete(listener);
    },
    refetch: fetchState,
    cancel,
    set: (data: AuthnState) => {
      cancel();
      change({ status: "success", data, error: null });
    },
    forget: () => {
      cancel();
      change(PENDING);
      if (listeners.size) fetchState();
    },
    /** The GET under way, which the cache takes over. */
    pending: () => request?.answer ?? null,
  } satisfies SignInStateSource & { pending: () => Promise<AuthnState> | null };
  return source;
}

const here = heldHere();
let source: SignInStateSource = here;
const sourceListeners = new Set<() => void>();

/**
 * The query cache takes the state over: `make` builds the cache's source from what is held here
 * (the state, or the GET still under way, which the cache then waits for rather than asking again).
 */
export function handOverSignInState(
  make: (held: { state: SignInState; pending: Promise<AuthnState> | null }) => SignInStateSource,
): void {
  if (source !== here) return;
  source = make({ state: here.get(), pending: here.pending() });
  sourceListeners.forEach((listener) => listener());
}

const watchSource = (listener: () => void) => {
  sourceListeners.add(listener);
  return () => sourceListeners.delete(listener);
};
const currentSource = () => source;

/** The sign-in's state, fetched when first shown (as a query with no data is). */
export function useSignInState(): SignInState & { refetch: () => void } {
  const from = useSyncExternalStore(watchSource, currentSource, currentSource);
  // The build's prerender, and the first render that takes it over, have no state yet.
  const state = useSyncExternalStore(from.subscribe, from.get, () => PENDING) ?? PENDING;
  return { ...state, refetch: from.refetch };
}

/** What the sign-in's own steps do to the state, wherever it is held. */
export const signInState = {
  /** Drops a GET under way: its answer must not land over (and undo) a newer state. */
  cancel: () => {
    here.cancel();
    source.cancel();
  },
  set: (state: AuthnState) => source.set(state),
  forget: () => source.forget(),
  now: () => source.get(),
};
