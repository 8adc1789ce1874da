import { useQuery } from "@tanstack/react-query";
import type { CountryCode } from "libphonenumber-js";
import { getCountryCallingCode } from "libphonenumber-js";
import { useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { PhoneChannel } from "@/api/contracts/authn";
import { EnrollPhoneRequest, type EnrollmentState } from "@/api/contracts/enrollment";
import { Alert } from "@/components/ui/Alert";
import { ErrorAlert } from "@/components/ui/ErrorAlert";
import { OneTimeCodeForm } from "@/components/ui/OneTimeCodeForm";
import { ResendLine } from "@/components/ui/ResendLine";
import { RadioGroupField } from "@/components/ui/RadioGroupField";
import { SelectField } from "@/components/ui/SelectField";
import { TextField } from "@/components/ui/TextField";
import { paths } from "@/config/paths";
import {
  phoneEnrollmentQueryOptions,
  useResendPhoneCode,
  useSendPhoneCode,
  useVerifyPhone,
} from "../api/enrollment";
import { countryOptions } from "../countries";
import { EnrollCard, useSetUpDone } from "../components/EnrollCard";
import { EnrollmentGate } from "../components/EnrollmentGate";
import { toE164 } from "../phone-number";

/** "Set up phone authentication": SMS or Voice call, Country, Phone number, Extension (guide pp. 16-20). */
export function SetUpPhonePage() {
  return <EnrollmentGate>{(state) => <PhoneForm state={state} />}</EnrollmentGate>;
}

/** What the user types; the request's `e164` is made from Country and Phone number. */
type PhoneFields = {
  channel: PhoneChannel;
  country: CountryCode;
  number: string;
  extension: string;
};

function PhoneForm({ state }: { state: EnrollmentState }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const send = useSendPhoneCode();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const form = useForm<PhoneFields>({
    defaultValues: { channel: "sms", country: "US", number: "", extension: "" },
  });
  const errors = form.formState.errors;
  const [channel, country] = useWatch({ control: form.control, name: ["channel", "country"] });
  const voice = channel === "voice";

  const submit = form.handleSubmit(({ channel, country, number, extension }) => {
    const e164 = toE164(country, number);
    if (!e164) return;
    send.mutate(
      { channel, e164, ...(channel === "voice" && extension ? { extension } : {}) },
      { onSuccess: () => void navigate(paths.enrollPhoneVerify) },
    );
  });

  return (
    <EnrollCard title={t("enroll.phone.title")} state={state}>
      <p>{t(voice ? "enroll.phone.introVoice" : "enroll.phone.introSms")}</p>
      <Alert tone="info">{t("enroll.phone.riskNotice")}</Alert>
      <form noValidate onSubmit={submit}>
        <ErrorAlert error={send.error} />
        <RadioGroupField
          legend={t("enroll.phone.channel")}
          legendHidden
          options={[
            { value: "sms", label: t("enroll.phone.sms") },
            { value: "voice", label: t("enroll.phone.voice") },
          ]}
          {...form.register("channel")}
        />
        <SelectField label={t("enroll.phone.country")} {...form.register("country")}>
          {countries.map(({ code, label }) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("enroll.phone.number")}
          hint={`+${getCountryCallingCode(country)}`}
          type="tel"
          autoComplete="tel-national"
          error={errors.number?.message}
          {...form.register("number", {
            validate: (number, values) =>
              toE164(values.country, number) !== null ||
              (number.trim() ? "validation.phone" : "validation.required"),
          })}
        />
        {voice ? (
          <TextField
            label={t("enroll.phone.extension")}
            inputMode="numeric"
            error={errors.extension?.message}
            {...form.register("extension", {
              // The contract's own rule for an extension, checked before sending.
              validate: (extension, values) =>
                values.channel !== "voice" ||
                !extension ||
                EnrollPhoneRequest.shape.extension.safeParse(extension).success ||
                "validation.extension",
            })}
          />
        ) : null}
        <button type="submit" className="button primary" disabled={send.isPending}>
          {send.isPending
            ? t("common.working")
            : t(voice ? "phone.receiveVoice" : "phone.receiveSms")}
        </button>
      </form>
    </EnrollCard>
  );
}

/** The code sent to the new phone, with "Send again" / "Call again" after a visible wait. */
export function VerifyPhonePage() {
  return <EnrollmentGate>{(state) => <EnterPhoneCode state={state} />}</EnrollmentGate>;
}

function EnterPhoneCode({ state }: { state: EnrollmentState }) {
  const { t } = useTranslation();
  const setUpDone = useSetUpDone(state);
  const pending = useQuery(phoneEnrollmentQueryOptions());
  const resend = useResendPhoneCode();
  const verify = useVerifyPhone();
  const phone = pending.data;
  const voice = phone?.channel === "voice";

  return (
    <EnrollCard title={t("enroll.phone.title")} state={state}>
      <ErrorAlert error={pending.error} />
      {phone ? (
        <>
          <p className="notice" role="status">
            {t(voice ? "phone.sentVoice" : "phone.sentSms")} (
            <span className="nowrap">{phone.maskedPhone}</span>)
            <br />
            <small>{t("phone.carrierCharges")}</small>
          </p>
          <ResendLine
            key={phone.sentAt}
            text={t(voice ? "phone.notReceivedVoice" : "phone.notReceivedSms")}
            action={t(voice ? "phone.callAgain" : "phone.sendAgain")}
            waitSeconds={(Date.parse(phone.resendAt) - Date.parse(phone.sentAt)) / 1000}
            pending={resend.isPending}
            onResend={() => resend.mutate()}
          />
          <ErrorAlert error={resend.error} />
          <OneTimeCodeForm
            label={t("phone.enterCode")}
            pending={verify.isPending}
            error={verify.error}
            submit={async (code) => {
              await verify.mutateAsync({ code });
              await setUpDone(t("methods.phone"));
            }}
          />
        </>
      ) : null}
    </EnrollCard>
  );
}
