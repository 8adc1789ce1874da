import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { OutboxMessage } from "@/api/contracts/dev";
import { Alert } from "@/components/ui/Alert";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { PageHeading } from "@/components/ui/PageHeading";
import { SelectField } from "@/components/ui/SelectField";
import "@/components/layouts/layout.css";
import { paths } from "@/config/paths";
import { formatDateTime } from "@/i18n";
import {
  clockQueryOptions,
  outboxQueryOptions,
  useAdvanceClock,
  usePushDecision,
  useResetData,
} from "./api";
import { MobilePassApp } from "./MobilePassApp";
import { OktaVerifyApp } from "./OktaVerifyApp";

const CLOCK_STEPS = [
  { seconds: 60, key: "oneMinute" },
  { seconds: 5 * 60, key: "fiveMinutes" },
  { seconds: 15 * 60, key: "fifteenMinutes" },
  { seconds: 3600, key: "oneHour" },
  { seconds: 86_400, key: "oneDay" },
  { seconds: 30 * 86_400, key: "thirtyDays" },
] as const;

/**
 * The development inbox (mock backend only): every email, SMS, voice call and push the mock sent,
 * newest first, so that anyone can finish a flow without a phone; plus the mock clock and a reset.
 */
export function DevInboxPage() {
  const { t } = useTranslation();
  const outbox = useQuery(outboxQueryOptions());
  const clock = useQuery(clockQueryOptions());
  const advance = useAdvanceClock();
  const reset = useResetData();
  const [step, setStep] = useState<number>(CLOCK_STEPS[2].seconds);

  return (
    <main className="page dev-inbox">
      <PageHeading title={t("devInbox.title")} />
      <p>
        <Link to={paths.signIn}>{t("signIn.backToSignIn")}</Link>
      </p>
      <section className="dev-controls" aria-labelledby="dev-clock">
        <h2 id="dev-clock">{t("devInbox.clock")}</h2>
        <p role="status">
          {clock.data
            ? t("devInbox.now", { time: formatDateTime(clock.data.now) })
            : t("common.loading")}
        </p>
        <div className="inline-form">
          <SelectField
            inline
            label={t("devInbox.advanceBy")}
            value={step}
            onChange={(e) => setStep(Number(e.target.value))}
          >
            {CLOCK_STEPS.map(({ seconds, key }) => (
              <option key={key} value={seconds}>
                {t(`devInbox.steps.${key}`)}
              </option>
            ))}
          </SelectField>
          <button
            type="button"
            className="button"
            disabled={advance.isPending}
            onClick={() => advance.mutate(step)}
          >
            {t("devInbox.moveClock")}
          </button>
          <button
            type="button"
            className="button danger"
            disabled={reset.isPending}
            onClick={() => reset.mutate(undefined)}
          >
            {t("devInbox.reset")}
          </button>
        </div>
        <ErrorAlert error={advance.error ?? reset.error} />
        {reset.isSuccess ? <Alert tone="success">{t("devInbox.resetDone")}</Alert> : null}
      </section>
      <OktaVerifyApp />
      <MobilePassApp />
      <section aria-labelledby="dev-messages">
        <h2 id="dev-messages">{t("devInbox.messages")}</h2>
        <ErrorAlert error={outbox.error} />
        {outbox.data?.length === 0 ? <p>{t("devInbox.empty")}</p> : null}
        <ol className="outbox">
          {outbox.data?.map((message) => (
            <OutboxItem key={message.id} message={message} />
          ))}
        </ol>
      </section>
    </main>
  );
}

function OutboxItem({ message }: { message: OutboxMessage }) {
  const { t } = useTranslation();
  const decide = usePushDecision();
  const headingId = `message-${message.id}`;
  return (
    <li className={`outbox-item outbox-${message.channel}`}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>
          {t(`devInbox.channel.${message.channel}`)} {t("devInbox.to", { to: message.to })}
          {message.subject ? `: ${message.subject}` : ""}
        </h3>
        <p className="outbox-meta">{formatDateTime(message.sentAt)}</p>
        <EmailText message={message} />
        {message.code ? (
          <p>
            {t("devInbox.code")} <strong className="outbox-code">{message.code}</strong>
          </p>
        ) : null}
        {message.push ? (
          <div className="push-actions">
            <p>{t(`devInbox.pushStatus.${message.push.status}`)}</p>
            {message.push.status === "waiting" ? (
              <PushAnswer
                id={message.id}
                pending={decide.isPending}
                onApprove={(number) => decide.mutate({ id: message.id, approve: true, number })}
                onDeny={() => decide.mutate({ id: message.id, approve: false })}
              />
            ) : null}
            <ErrorAlert error={decide.error} />
          </div>
        ) : null}
      </article>
    </li>
  );
}

/** A message's text; in an email, its call to action ("Activate Okta Account") is the link. */
function EmailText({ message }: { message: OutboxMessage }) {
  const { text, link, linkText } = message;
  const line = linkText ? `\n${linkText}\n` : null;
  const at = line ? text.indexOf(line) + 1 : 0;
  if (!link || !linkText || at === 0) return <pre className="outbox-text">{text}</pre>;
  return (
    <pre className="outbox-text">
      {text.slice(0, at)}
      <a href={link} rel="noreferrer">
        {linkText}
      </a>
      {text.slice(at + linkText.length)}
    </pre>
  );
}

/**
 * What Okta Verify asks: the number shown on the sign-in screen, typed (NIST SP 800-63B §3.1.3:
 * a list to pick from is not enough). A wrong number answers the push as denied.
 */
function PushAnswer(props: {
  id: string;
  pending: boolean;
  onApprove: (number: number) => void;
  onDeny: () => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState("");
  const fieldId = `push-number-${props.id}`;
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        props.onApprove(Number(typed.trim()));
      }}
    >
      <label htmlFor={fieldId}>{t("devInbox.pushNumber")}</label>
      <input
        id={fieldId}
        inputMode="numeric"
        autoComplete="off"
        required
        pattern="[0-9]{1,3}"
        maxLength={3}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
      />
      <button type="submit" className="button" disabled={props.pending}>
        {t("devInbox.approve")}
      </button>
      <button
        type="button"
        className="button danger"
        disabled={props.pending}
        onClick={props.onDeny}
      >
        {t("devInbox.deny")}
      </button>
    </form>
  );
}
