import { useTranslation } from "react-i18next";
import type { ChallengeRequest } from "@/api/contracts/authn";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { ResendLine } from "@/components/ui/ResendLine";
import { useVerificationStep, type MethodStepProps } from "./api";
import { CodeStep } from "./CodeStep";

/** Phone: "Receive a code via SMS" (or voice call), then "Enter Code" with "Send again". */
export function PhoneStep({ factor, state, onVerified }: MethodStepProps) {
  const { t } = useTranslation();
  const send = useVerificationStep<ChallengeRequest>("challenge");
  const voice = factor.channel === "voice";
  const challenge = state.challenge?.methodId === factor.id ? state.challenge : null;
  const request = () => send.mutate({ methodId: factor.id });

  if (!challenge) {
    return (
      <>
        <p>
          {t(voice ? "signIn.phone.introVoice" : "signIn.phone.introSms", {
            phone: factor.maskedPhone,
          })}
        </p>
        <ErrorAlert error={send.error} />
        <button
          type="button"
          className="button primary"
          onClick={request}
          disabled={send.isPending}
        >
          {send.isPending
            ? t("common.working")
            : t(voice ? "phone.receiveVoice" : "phone.receiveSms")}
        </button>
      </>
    );
  }

  const waitSeconds = (Date.parse(challenge.resendAt) - Date.parse(challenge.sentAt)) / 1000;
  return (
    <>
      <p className="notice" role="status">
        {t(voice ? "phone.sentVoice" : "phone.sentSms")}
        <br />
        <small>{t("phone.carrierCharges")}</small>
      </p>
      <ResendLine
        key={challenge.sentAt}
        text={t(voice ? "phone.notReceivedVoice" : "phone.notReceivedSms")}
        action={t(voice ? "phone.callAgain" : "phone.sendAgain")}
        waitSeconds={waitSeconds}
        onResend={request}
        pending={send.isPending}
      />
      <ErrorAlert error={send.error} />
      <CodeStep methodId={factor.id} label={t("phone.enterCode")} onVerified={onVerified} />
    </>
  );
}
