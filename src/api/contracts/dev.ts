import * as z from "zod/mini";
import { PushStatus } from "./authn";
import { Instant } from "./common";

export const OutboxChannel = z.enum(["email", "sms", "voice", "push"]);
export type OutboxChannel = z.infer<typeof OutboxChannel>;

/** Something the mock backend "sent": an email, a text, a call or an Okta Verify push. */
export const OutboxMessage = z.object({
  id: z.string(),
  channel: OutboxChannel,
  to: z.string(),
  subject: z.optional(z.string()),
  text: z.string(),
  code: z.optional(z.string()),
  link: z.optional(z.string()),
  /** The line of `text` that is the link: the email's call to action ("Activate Okta Account"). */
  linkText: z.optional(z.string()),
  sentAt: Instant,
  /** Push only: its state. The number to type is on the sign-in screen, never here. */
  push: z.optional(z.object({ status: PushStatus, expiresAt: Instant })),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;
export const Outbox = z.array(OutboxMessage);

export const ClockState = z.object({ now: Instant, epochMs: z.number() });
export type ClockState = z.infer<typeof ClockState>;

export const AdvanceClockRequest = z.object({
  advanceSeconds: z.number().check(z.int(), z.minimum(0), z.maximum(400 * 24 * 3600)),
});

/** Approve: the number the user typed into Okta Verify, as shown on the sign-in screen. */
export const PushDecisionRequest = z.object({ number: z.number().check(z.int()) });

export const Ok = z.object({ ok: z.literal(true) });

/** The development phone's Okta Verify app: set-ups waiting to be scanned, and accounts with their code. */
export const OktaVerifyApp = z.object({
  setups: z.array(z.object({ id: z.string(), username: z.string(), expiresAt: Instant })),
  devices: z.array(
    z.object({
      methodId: z.string(),
      deviceName: z.string(),
      username: z.string(),
      code: z.string(),
    }),
  ),
});
export type OktaVerifyApp = z.infer<typeof OktaVerifyApp>;

export const ConfirmOktaVerifyRequest = z.object({
  deviceName: z.optional(z.string().check(z.minLength(1), z.maxLength(60))),
});
