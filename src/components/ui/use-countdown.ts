import { useEffect, useState } from "react";

/**
 * Seconds left of a wait that began when the component mounted (key it to restart). It counts on
 * this browser's clock from the duration the server gave, so a mock clock set ahead cannot upset it.
 */
export function useCountdown(durationSeconds: number): number {
  const [remaining, setRemaining] = useState(Math.max(0, Math.ceil(durationSeconds)));

  useEffect(() => {
    const endsAt = Date.now() + durationSeconds * 1000;
    const timer = window.setInterval(() => {
      const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setRemaining(left);
      if (left === 0) window.clearInterval(timer);
    }, 250);
    return () => window.clearInterval(timer);
  }, [durationSeconds]);

  return remaining;
}
