import { useCallback, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { EnrollmentState } from "@/api/contracts/enrollment";
import { AuthCard } from "@/components/ui/AuthCard";
import { BackToSignIn } from "@/components/ui/BackToSignIn";
import { paths } from "@/config/paths";

/** Where a set-up returns to: the authenticator list, or Settings for a signed-in user. */
export function listPath(state: EnrollmentState): string {
  return state.context === "account" ? paths.settings : paths.enroll;
}

/** After a method is set up: back to the list (or Settings), saying what was set up. */
export function useSetUpDone(state: EnrollmentState) {
  const navigate = useNavigate();
  const to = listPath(state);
  return useCallback(
    (method: string) => navigate(to, { state: { setUp: method } }),
    [navigate, to],
  );
}

/** A set-up screen: "Return to authenticator list" and "Back to sign in" below, as in the guide. */
export function EnrollCard({
  title,
  state,
  children,
}: {
  title: string;
  state: EnrollmentState;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <AuthCard
      title={title}
      username={state.username}
      footer={
        <>
          <Link to={listPath(state)}>{t("enroll.returnToList")}</Link>
          {state.context === "activation" ? <BackToSignIn /> : null}
        </>
      }
    >
      {children}
    </AuthCard>
  );
}
