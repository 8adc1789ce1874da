import { Component, Suspense, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "./Alert";
import { Loading } from "./Loading";

/**
 * A part of a page whose code loads when it is first opened ("Verify it's you" for Get Token, the
 * TRAQS username switch): "Loading…" meanwhile and, if its code cannot be fetched (offline, say),
 * a message and a way on instead of a blank page. React never fetches a failed part again, so the
 * way on is reloading the page.
 */
export function LoadOnDemand({
  children,
  fallback = <Loading />,
}: {
  children: ReactNode;
  fallback?: ReactNode;
}) {
  return (
    <LoadFailedBoundary>
      <Suspense fallback={fallback}>{children}</Suspense>
    </LoadFailedBoundary>
  );
}

class LoadFailedBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
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
