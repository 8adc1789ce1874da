import { useTranslation } from "react-i18next";
import { useCountdown } from "./use-countdown";

/**
 * "Haven't received an SMS? Send again" (or a call: "Call again"), usable once the wait the server
 * set is over; the seconds left are shown. Key it by the send time to restart the wait.
 */
export function ResendLine(props: {
  voice: boolean;
  waitSeconds: number;
  pending: boolean;
  onResend: () => void;
}) {
  const { t } = useTranslation();
  const remaining = useCountdown(props.waitSeconds);
  return (
    <p className="resend">
      {t(props.voice ? "phone.notReceivedVoice" : "phone.notReceivedSms")}{" "}
      <button
        type="button"
        className="link-button"
        onClick={props.onResend}
        disabled={remaining > 0 || props.pending}
      >
        {t(props.voice ? "phone.callAgain" : "phone.sendAgain")}
      </button>
      {remaining > 0 ? (
        <span className="countdown"> {t("phone.availableIn", { seconds: remaining })}</span>
      ) : null}
    </p>
  );
}
