import { useQuery } from "@tanstack/react-query";
import { useDeferredValue } from "react";

/**
 * `useQuery` for a screen that an answer replaces: the signed-in page after "Loading…", or
 * "Verify it's you". TanStack Query hands React an answer as a store update, which React renders
 * at once, in one task: a whole new screen mounted that way blocks the page for its full length.
 * Deferred, that render is a transition, which React splits into short tasks; until it is done,
 * the previous result (often "Loading…") stays on screen.
 */
export const useDeferredQuery = ((...args: Parameters<typeof useQuery>) =>
  useDeferredValue(useQuery(...args))) as typeof useQuery;
