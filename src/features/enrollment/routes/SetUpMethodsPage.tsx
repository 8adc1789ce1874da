import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import type { EnrollmentState } from "@/api/contracts/enrollment";
import { Alert } from "@/components/ui/Alert";
import { AuthCard } from "@/components/ui/AuthCard";
import { BackToSignIn } from "@/components/ui/BackToSignIn";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { MethodIcon } from "@/components/ui/MethodIcon";
import { paths } from "@/config/paths";
import { useFinishEnrollment } from "../api/enrollment";
import { AuthCardLoading } from "@/components/ui/AuthCardLoading";
import { EnrollmentGate } from "../components/EnrollmentGate";

type MethodKind =
  | "password"
  | "securityQuestion"
  | "googleAuthenticator"
  | "oktaVerify"
  | "phone"
  | "recoveryCodes"
  | "passkey";

const SET_UP_PATH: Record<MethodKind, string> = {
  password: paths.enrollPassword,
  securityQuestion: paths.enrollSecurityQuestion,
  googleAuthenticator: paths.enrollGoogleAuthenticator,
  oktaVerify: paths.enrollOktaVerify,
  phone: paths.enrollPhone,
  recoveryCodes: paths.enrollRecoveryCodes,
  passkey: paths.enrollPasskey,
};

/** What the list says of a method's strength (SECURITY: NIST SP 800-63B-4 §2.2.2, §3.1.3.3). */
const STRENGTH: Partial<Record<MethodKind, string>> = {
  passkey: "enroll.phishingResistant",
  phone: "enroll.nistRestricted",
};

/** "Set up security methods" (guide Section 1, steps 4, 6 and 8): what is set up and what is left. */
export function SetUpMethodsPage() {
  const { t } = useTranslation();
  return (
    <EnrollmentGate
      whileLoading={
        <AuthCardLoading title={t("enroll.title")}>
          <Intro />
        </AuthCardLoading>
      }
    >
      {(state) => <MethodList state={state} />}
    </EnrollmentGate>
  );
}

/** What security methods are for, and which ones finishing needs: the same for everyone. */
function Intro() {
  const { t } = useTranslation();
  return (
    <>
      <p>{t("enroll.intro")}</p>
      <p className="field-hint">{t("enroll.rule")}</p>
    </>
  );
}

/**
 * Sorts the methods into what must still be set up and what may be. As in the guide's activation,
 * the password and the security question come first (steps 4 to 7), then the choice of access
 * methods (step 8).
 */
function plan(state: EnrollmentState) {
  const has = (type: string) => state.methods.some((m) => m.type === type);
  const hasAccess = state.methods.length > 0;
  const required: MethodKind[] = [];
  const optional: MethodKind[] = [];
  if (!state.passwordSet) required.push("password");
  if (!state.securityQuestionSet) required.push("securityQuestion");
  if (required.length > 0) return { required, optional };
  // Until one access method is set up, each of them is a way to meet the rule.
  (hasAccess ? optional : required).push(
    ...(has("google_authenticator") ? [] : (["googleAuthenticator"] as const)),
    "oktaVerify",
    "phone",
    "passkey",
  );
  // A backup to the access methods: offered once the required ones are set up, before finishing.
  if (state.canFinish && state.recoveryCodesLeft === undefined) optional.push("recoveryCodes");
  return { required, optional };
}

function MethodList({ state }: { state: EnrollmentState }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const finish = useFinishEnrollment();
  const justSetUp = (location.state as { setUp?: string } | null)?.setUp;
  const { required, optional } = plan(state);
  const done = [
    ...(state.passwordSet ? [{ key: "password", kind: "password" as const, detail: null }] : []),
    ...(state.securityQuestionSet
      ? [{ key: "question", kind: "securityQuestion" as const, detail: null }]
      : []),
    ...state.methods.map((m) => ({
      key: m.id,
      kind: methodKind(m.type),
      detail: m.maskedPhone ?? m.deviceName ?? m.name ?? null,
    })),
    ...(state.recoveryCodesLeft === undefined
      ? []
      : [
          {
            key: "recovery-codes",
            kind: "recoveryCodes" as const,
            detail: t("recoveryCodes.left", { count: state.recoveryCodesLeft }),
          },
        ]),
  ];

  return (
    <AuthCard title={t("enroll.title")} username={state.username} footer={<BackToSignIn />}>
      {justSetUp ? (
        <Alert tone="success">{t("enroll.setUpDone", { method: justSetUp })}</Alert>
      ) : null}
      <Intro />
      {required.length > 0 ? (
        <MethodSection title={t("enroll.required")} kinds={required} state={state} />
      ) : null}
      {optional.length > 0 ? (
        <MethodSection title={t("enroll.optional")} kinds={optional} state={state} />
      ) : null}
      {done.length > 0 ? (
        <section aria-labelledby="enroll-done">
          <h2 id="enroll-done" className="section-title">
            {t("enroll.done")}
          </h2>
          <ul className="method-list">
            {done.map(({ key, kind, detail }) => (
              <li key={key} className="method-row">
                <MethodIcon kind={kind} />
                <span className="method-name">
                  <strong>
                    <span aria-hidden="true">✓ </span>
                    {t(`methods.${kind}`)}
                  </strong>
                  {detail ? <span className="method-detail nowrap">{detail}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ErrorAlert error={finish.error} />
      {state.canFinish ? (
        <button
          type="button"
          className="button primary"
          disabled={finish.isPending}
          onClick={() => finish.mutate(undefined, { onSuccess: () => void navigate(paths.traqs) })}
        >
          {finish.isPending ? t("common.working") : t("enroll.setUpLater")}
        </button>
      ) : null}
    </AuthCard>
  );
}

function MethodSection({
  title,
  kinds,
  state,
}: {
  title: string;
  kinds: MethodKind[];
  state: EnrollmentState;
}) {
  const { t } = useTranslation();
  const headingId = `enroll-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {title}
      </h2>
      <ul className="method-list">
        {kinds.map((kind) => {
          const another =
            (kind === "phone" || kind === "oktaVerify" || kind === "passkey") &&
            state.methods.some((m) => methodKind(m.type) === kind);
          const name = t(`methods.${kind}`);
          return (
            <li key={kind} className="method-row">
              <MethodIcon kind={kind} />
              <span className="method-name">
                <strong>{name}</strong>
                <span className="method-detail">
                  {t(
                    kind === "recoveryCodes" ? "recoveryCodes.describe" : `enroll.describe.${kind}`,
                  )}
                </span>
                <span className="method-detail">
                  {t(
                    kind === "securityQuestion"
                      ? "enroll.usedForRecovery"
                      : kind === "recoveryCodes"
                        ? "recoveryCodes.usedAsBackup"
                        : "enroll.usedForAccess",
                  )}
                </span>
                {STRENGTH[kind] ? <span className="method-detail">{t(STRENGTH[kind])}</span> : null}
              </span>
              <Link
                className="button"
                to={SET_UP_PATH[kind]}
                aria-label={t(another ? "enroll.setUpAnotherMethod" : "enroll.setUpMethod", {
                  name,
                })}
              >
                {t(another ? "enroll.setUpAnother" : "enroll.setUp")}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function methodKind(type: string): MethodKind {
  return type === "google_authenticator"
    ? "googleAuthenticator"
    : type === "okta_verify"
      ? "oktaVerify"
      : type === "passkey"
        ? "passkey"
        : "phone";
}
