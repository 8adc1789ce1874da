import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { Alert } from "@/components/ui/Alert";
import { preferencesQueryOptions } from "../api/account";

/** A confirmation ("pop-up message") that goes away after the time set in Preferences. */
export function TimedMessage({ text, onDone }: { text: string; onDone: () => void }) {
  const preferences = useQuery(preferencesQueryOptions());
  const seconds = preferences.data?.messageSeconds;
  useEffect(() => {
    if (seconds === undefined) return;
    const timer = window.setTimeout(onDone, seconds * 1000);
    return () => window.clearTimeout(timer);
  }, [seconds, onDone, text]);
  return <Alert tone="success">{text}</Alert>;
}
