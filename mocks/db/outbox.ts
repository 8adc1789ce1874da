import { randomId } from "../rules/crypto";
import type { MockState, OutboxRecord } from "./state";

/** Puts a message in the outbox (what a real backend would email, text, call or push). */
export function send(state: MockState, message: Omit<OutboxRecord, "id">): OutboxRecord {
  const record: OutboxRecord = { id: randomId(), ...message };
  state.outbox.push(record);
  return record;
}

export const EMAIL_FOOTER =
  "For further information regarding MFA for TRAQS please see the TRAQS MFA website.\n" +
  "This is an automatically generated message. Replies are not monitored or answered.";
