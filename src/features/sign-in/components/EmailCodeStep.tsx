import { useTranslation } from "react-i18next";
import type { AuthnState, EmailCodeRequest } from "@/api/contracts/authn";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { OneTimeCodeForm } from "@/components/ui/OneTimeCodeForm";
import { ResendLine } from "@/components/ui/ResendLine";
import { useVerificationStep } from "@/components/verification/api";

/**
 * After an administrator reset the security methods (lost phone): the code emailed to the primary
 * email stands in for the second factor, and the set-up follows.
 */
export function EmailCodeStep({
  emailCode,
  onVerified,
}: {
  emailCode: NonNullable<AuthnState["emailCode"]>;
  onVerified: (state: AuthnState) => void;
}) {
  const { t } = useTranslation();
  const verify = useVerificationStep<EmailCodeRequest>("email-code");
  const resend = useVerificationStep<object>("email-code/resend");
  const waitSeconds = (Date.parse(emailCode.resendAt) - Date.parse(emailCode.sentAt)) / 1000;
  return (
    <>
      <p className="notice" role="status">
        {t("signIn.emailCode.intro", { email: emailCode.maskedEmail })}
      </p>
      <ResendLine
        key={emailCode.resendAt}
        text={t("recovery.notReceived")}
        action={t("phone.sendAgain")}
        waitSeconds={waitSeconds}
        onResend={() => resend.mutate({})}
        pending={resend.isPending}
      />
      <ErrorAlert error={resend.error} />
      <OneTimeCodeForm
        label={t("phone.enterCode")}
        pending={verify.isPending}
        error={verify.error}
        submit={async (code) => onVerified(await verify.mutateAsync({ code }))}
      />
    </>
  );
}
