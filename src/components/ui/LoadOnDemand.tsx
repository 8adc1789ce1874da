import { Component, Suspense, type ReactNode } from "react";
import { useTranslation } from "@/i18n/first-screen";
import { Alert } from "./Alert";
import { Loading } from "./Loading";

/**
 * Code that loads when it is first opened (every page after sign-in, "Verify it's you" for Get
 * Token, the TRAQS username switch): "Loading…" meanwhile and, if the code cannot be fetched
 * (offline, say), a message and a way on instead of a blank page. React never fetches a failed
 * part again, so the way on is reloading the page. The message is in the sign-in page's strings
 * (core.json): the other areas' strings may be what failed to load.
 */
export function LoadOnDemand({
  children,
  fallback = <Loading />,
  resetKey,
}: {
  children: ReactNode;
  fallback?: ReactNode;
  /** When it changes (another page, say), the message gives way to what is there now. */
  resetKey?: string;
}) {
  return (
    <LoadFailedBoundary resetKey={resetKey}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </LoadFailedBoundary>
  );
}

type BoundaryProps = { children: ReactNode; resetKey: string | undefined };

class LoadFailedBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidUpdate(previous: BoundaryProps) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey)
      this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}

function LoadFailed() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <Alert tone="error">{t("onDemand.failed")}</Alert>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t("onDemand.reload")}
      </button>
    </div>
  );
}
