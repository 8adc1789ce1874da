import { lazy, Suspense, type ReactNode } from "react";
import { useTranslation } from "@/i18n/first-screen";
import { Link, useNavigate } from "react-router";
import { AuthCard } from "@/components/ui/AuthCard";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { useUsernameField } from "@/components/ui/UsernameField";
import { paths } from "@/config/paths";
import { useIdentify } from "../api/authn";
import { AuthnGate, stepPath, useReturnPath } from "../components/AuthnGate";
import { preloadSignInSteps } from "../steps";
import { useHydrated } from "@/components/ui/use-hydrated";

// Passkeys load after the first paint, with the WebAuthn code they use: not in the first load.
const PasskeySignIn = lazy(() => import("../components/PasskeySignIn"));
/**
 * The build's prerender has no WebAuthn (decision 025): it shows the button's placeholder, and so
 * does the page as the app takes it over; the real one follows.
 */
function PasskeyButton({ placeholder }: { placeholder: ReactNode }) {
  return useHydrated() ? <PasskeySignIn /> : placeholder;
}

/**
 * Sign In: "Username (email address)", Next (guide Section 3, step 2); or a passkey, from the
 * button or the username field's autofill, which signs in with no username typed.
 */
export function SignInPage() {
  // The form shows at once (the build prerenders it, decision 025): most sign-ins start here, and
  // one further along moves on to its step when its state arrives. What is typed meanwhile stays.
  return (
    <AuthnGate
      serves={["IDENTIFY", "PASSWORD", "FACTOR", "ENROLL"]}
      whileChecking={<UsernameForm defaultUsername="" />}
    >
      {/* The same form stays (a remount would lose what is typed and the request under way). */}
      {(state) => <UsernameForm defaultUsername={state.username ?? ""} />}
    </AuthnGate>
  );
}

function UsernameForm({ defaultUsername }: { defaultUsername: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const from = useReturnPath();
  const step = useIdentify();
  const username = useUsernameField(defaultUsername, "username webauthn");
  const hydrated = useHydrated();

  const onSubmit = username.handleSubmit((value) => {
    preloadSignInSteps();
    step.mutate({ username: value }, (state) => void navigate(stepPath(state.status, from)));
  });

  const passkeyPlaceholder = (
    <button type="button" className="button" disabled>
      {t("signIn.withPasskey")}
    </button>
  );
  return (
    <AuthCard
      title={t("signIn.title")}
      footer={
        <>
          <Link to={paths.unlock}>{t("signIn.unlockAccount")}</Link>
          <Link to={paths.forgotPassword}>{t("signIn.forgotPassword")}</Link>
          <Link to={paths.help}>{t("signIn.help")}</Link>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate>
        <ErrorAlert error={step.error} />
        {username.field}
        <button type="submit" className="button primary" disabled={!hydrated || step.isPending}>
          {step.isPending ? t("common.working") : t("signIn.next")}
        </button>
      </form>
      <Suspense fallback={passkeyPlaceholder}>
        <PasskeyButton placeholder={passkeyPlaceholder} />
      </Suspense>
    </AuthCard>
  );
}
