import type { ReactNode } from "react";
import { useTranslation } from "@/i18n/first-screen";
import { Loading } from "@/components/ui/Loading";
import { Navigate, useSearchParams } from "react-router";
import type { AuthnState, AuthnStatus } from "@/api/contracts/authn";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { paths, safeReturnPath, withFrom } from "@/config/paths";
import { useSignInState } from "@/components/verification/sign-in-state";

/** The screen for each state of the sign-in. */
export function stepPath(status: AuthnStatus, from: string | null): string {
  switch (status) {
    case "IDENTIFY":
      return withFrom(paths.signIn, from);
    case "PASSWORD":
      return withFrom(paths.signInPassword, from);
    case "FACTOR":
      return withFrom(paths.signInVerify, from);
    case "ENROLL":
      // Guide Section 3, step 4a: no access method yet, so set one up first.
      return paths.enroll;
    case "SUCCESS":
      return from ?? paths.traqs;
  }
}

export function useReturnPath(): string | null {
  const [params] = useSearchParams();
  return safeReturnPath(params.get("from"));
}

/**
 * Shows a sign-in screen only in the states it serves; in any other state it sends the browser to
 * the screen that serves it (after a reload, a back button, or the server moving on).
 */
export function AuthnGate({
  serves,
  children,
  whileChecking = <Loading />,
}: {
  serves: AuthnStatus[];
  children: (state: AuthnState) => ReactNode;
  /** Shown until the state is known (Sign In: its form, prerendered by the build, decision 025). */
  whileChecking?: ReactNode;
}) {
  const { t } = useTranslation();
  const from = useReturnPath();
  const authn = useSignInState();
  if (authn.status === "pending") {
    return whileChecking;
  }
  if (authn.status === "error" || !authn.data) {
    return (
      <main className="auth-page">
        <ErrorAlert error={authn.error} />
        <button type="button" className="button" onClick={() => void authn.refetch()}>
          {t("common.tryAgain")}
        </button>
      </main>
    );
  }
  if (!serves.includes(authn.data.status))
    return <Navigate to={stepPath(authn.data.status, from)} replace />;
  return children(authn.data);
}
