import { useTranslation } from "react-i18next";
import { useCountdown } from "./use-countdown";

/**
 * "Haven't received an SMS? Send again" (or "… a call? Call again", "… an email? Send again"),
 * usable once the wait the server set is over; the seconds left are shown. Key it by the send
 * time to restart the wait.
 */
export function ResendLine(props: {
  text: string;
  action: string;
  waitSeconds: number;
  pending: boolean;
  onResend: () => void;
}) {
  const { t } = useTranslation();
  const remaining = useCountdown(props.waitSeconds);
  return (
    <p className="resend">
      {props.text}{" "}
      <button
        type="button"
        className="link-button"
        onClick={props.onResend}
        disabled={remaining > 0 || props.pending}
      >
        {props.action}
      </button>
      {remaining > 0 ? (
        <span className="countdown"> {t("phone.availableIn", { seconds: remaining })}</span>
      ) : null}
    </p>
  );
}
