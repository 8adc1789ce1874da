import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiRequest } from "@/api/client";
import { AuthnState, type ChallengeRequest } from "@/api/contracts/authn";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { useVerificationApi, useVerificationStep, type MethodStepProps } from "./api";

const POLL_INTERVAL_MS = 2000;

/**
 * Okta Verify push with number matching: the screen shows a number and the user types it into the
 * app, which has no list to pick from (NIST SP 800-63B §3.1.3); a wrong number denies the push.
 */
export function PushStep({ factor, state, onVerified }: MethodStepProps) {
  const { t } = useTranslation();
  const send = useVerificationStep<ChallengeRequest>("challenge");
  const [automatic, setAutomatic] = useState(state.sendPushAutomatically);
  const challenge =
    state.challenge?.methodId === factor.id && state.challenge.kind === "push"
      ? state.challenge
      : null;
  const push = () =>
    send.mutate({ methodId: factor.id, mode: "push", sendPushAutomatically: automatic });

  // "Send push automatically": the push goes out as soon as this screen opens, once.
  const sentAutomatically = useRef(false);
  useEffect(() => {
    if (state.sendPushAutomatically && !challenge && !sentAutomatically.current) {
      sentAutomatically.current = true;
      send.mutate({ methodId: factor.id, mode: "push" });
    }
  }, [state.sendPushAutomatically, challenge, send, factor.id]);

  if (challenge?.pushNumber !== undefined) {
    return (
      <PushWaiting
        key={challenge.sentAt}
        number={challenge.pushNumber}
        onSendAgain={push}
        sendError={send.error}
        onVerified={onVerified}
      />
    );
  }
  return (
    <>
      <ErrorAlert error={send.error} />
      <div className="checkbox">
        <input
          id="send-push-automatically"
          type="checkbox"
          checked={automatic}
          onChange={(e) => setAutomatic(e.target.checked)}
        />
        <label htmlFor="send-push-automatically">{t("signIn.push.sendAutomatically")}</label>
      </div>
      <button type="button" className="button primary" onClick={push} disabled={send.isPending}>
        {send.isPending ? t("common.working") : t("signIn.push.send")}
      </button>
    </>
  );
}

function PushWaiting(props: {
  number: number;
  onSendAgain: () => void;
  /** Why "Send push again" was refused (a wait, under the sending limits). */
  sendError: unknown;
  onVerified: (state: AuthnState) => void;
}) {
  const { number, onSendAgain, sendError, onVerified } = props;
  const { t } = useTranslation();
  const api = useVerificationApi();
  const queryClient = useQueryClient();
  const poll = useQuery({
    queryKey: [...api.queryKey, "push", number],
    queryFn: async () => {
      const state = await apiRequest(`${api.base}/poll`, AuthnState, {
        method: "POST",
        body: {},
      });
      if (state.status !== "FACTOR") {
        queryClient.setQueryData(api.queryKey, state);
        onVerified(state);
      }
      return state;
    },
    refetchInterval: (query) => (query.state.status === "error" ? false : POLL_INTERVAL_MS),
    retry: false,
    gcTime: 0,
  });

  if (poll.isError) {
    return (
      <>
        <ErrorAlert error={poll.error} />
        <ErrorAlert error={sendError} />
        <button type="button" className="button primary" onClick={onSendAgain}>
          {t("signIn.push.sendAgain")}
        </button>
      </>
    );
  }
  return (
    <div className="push-waiting" role="status">
      <p>{t("signIn.push.sent")}</p>
      <p>{t("signIn.push.tapNumber")}</p>
      <p className="push-number" aria-label={t("signIn.push.numberLabel", { number })}>
        {number}
      </p>
    </div>
  );
}
