import { useCallback, useState } from "react";

/**
 * Where a change that needs "Verify it's you" stands: asked ("Are you sure…?"), being verified,
 * or verified and under way (a new password being typed, a removal being sent).
 */
export type VerifiedChangeStage = "confirm" | "verify" | "change";

/**
 * The confirm → verify → change steps shared by Settings and API / Download: `ask` opens the
 * question, `confirmed` the verification (`verify` skips the question), and once verified
 * `onVerified` starts the change; `end` closes it, done or cancelled at any step.
 */
export function useVerifiedChange<Change>(onVerified: (change: Change, end: () => void) => void) {
  const [current, setCurrent] = useState<{ change: Change; stage: VerifiedChangeStage } | null>(
    null,
  );
  const end = useCallback(() => setCurrent(null), []);
  return {
    change: current?.change ?? null,
    stage: current?.stage ?? null,
    ask: (change: Change) => setCurrent({ change, stage: "confirm" }),
    verify: (change: Change) => setCurrent({ change, stage: "verify" }),
    confirmed: () => setCurrent((asked) => asked && { change: asked.change, stage: "verify" }),
    /** For StepUp's `onVerified`, which calls it once. */
    verified: () => {
      if (!current) return;
      setCurrent({ change: current.change, stage: "change" });
      onVerified(current.change, end);
    },
    end,
  };
}
