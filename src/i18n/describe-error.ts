import { ApiError } from "@/api/client";
import type { Translate } from "./first-screen";

/** The words for a failed request: every error code has its own message in every language. */
export function describeError(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return t("errors.UNKNOWN");
  const seconds = error.retryAfterSeconds ?? 0;
  const skew = error.skewSeconds ?? 0;
  return t(`errors.${error.code}`, {
    // A code this version of the app has no words for: the server's own message.
    defaultValue: error.message,
    seconds,
    minutes: Math.max(1, Math.ceil(seconds / 60)),
    skewMinutes: Math.max(1, Math.round(Math.abs(skew) / 60)),
    direction: t(skew < 0 ? "errors.clockBehind" : "errors.clockAhead"),
    // A wait of a minute or more is said in minutes: the message's `_minutes` form, where it has one.
    context: seconds >= 60 ? "minutes" : undefined,
  });
}
