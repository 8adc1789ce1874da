import { send } from "../db/outbox";
import type { MockState } from "../db/state";
import { randomDigits } from "./crypto";
import { POLICY } from "./policy";

/** Texts or calls a new code (6 digits by SMS, 5 by voice, spoken twice) and returns it. */
export function sendPhoneCode(
  state: MockState,
  target: {
    userId: string;
    channel: "sms" | "voice";
    e164: string;
    extension?: string | undefined;
  },
  now: number,
): string {
  const digits = target.channel === "sms" ? POLICY.smsCodeDigits : POLICY.voiceCodeDigits;
  const code = randomDigits(digits);
  const spoken = code.split("").join(" ");
  send(state, {
    channel: target.channel,
    to: target.e164 + (target.extension ? ` ext. ${target.extension}` : ""),
    userId: target.userId,
    text:
      target.channel === "sms"
        ? `Your FINRA TRAQS verification code is ${code}`
        : `Your verification code is ${spoken}. Again, your code is ${spoken}.`,
    code,
    sentAt: now,
  });
  return code;
}
