import { http } from "msw";
import {
  AdvanceClockRequest,
  ConfirmOktaVerifyRequest,
  type OktaVerifyApp,
  PushDecisionRequest,
  type ClockState,
  type OutboxMessage,
} from "../../src/api/contracts/dev";
import { AddToMobilePassRequest } from "../../src/api/contracts/nasdaq";
import type { MockState, OutboxRecord } from "../db/state";
import type { MockDb } from "../db/store";
import { remindExpiringTokens } from "../rules/tokens";
import { generateTotp } from "../rules/totp";
import { anonymous } from "../http/callers";
import { json, readBody, respond, route } from "../http/respond";
import { confirmOktaVerify } from "../rules/enrollment";
import { addToDevMobilePass, devMobilePass } from "../rules/nasdaq";
import { Refusal } from "../rules/refusal";

function toMessage(record: OutboxRecord, now: number): OutboxMessage {
  const { userId: _userId, push, ...rest } = record;
  const message: OutboxMessage = { ...rest, sentAt: new Date(record.sentAt).toISOString() };
  if (push) {
    message.push = {
      status: push.status === "waiting" && now > push.expiresAt ? "expired" : push.status,
      expiresAt: new Date(push.expiresAt).toISOString(),
    };
  }
  return message;
}

/** What the development phone's Okta Verify app shows: set-ups to scan, accounts and their codes. */
function oktaVerifyApp(state: MockState, now: number): OktaVerifyApp {
  const setups = state.sessions.flatMap((session) => {
    const pending = session.pending.oktaVerify;
    if (!pending || pending.status !== "waiting" || now > pending.expiresAt) return [];
    return [
      {
        id: pending.id,
        username: session.login ?? "",
        expiresAt: new Date(pending.expiresAt).toISOString(),
      },
    ];
  });
  const devices = state.users.flatMap((user) =>
    user.methods.flatMap((m) =>
      m.type === "okta_verify"
        ? [
            {
              methodId: m.id,
              deviceName: m.deviceName,
              username: user.login,
              code: generateTotp(m.secret, now),
            },
          ]
        : [],
    ),
  );
  return { setups, devices };
}

function clock(db: MockDb, state: MockState): ClockState {
  const epochMs = db.now(state);
  return { now: new Date(epochMs).toISOString(), epochMs };
}

/**
 * The development inbox and clock: what a phone and an email client would show, and a way to move
 * time. They exist only in the mock backend.
 */
export function devHandlers(db: MockDb) {
  const decide = (approve: boolean) =>
    http.post(
      route(`/__dev/push/:id/${approve ? "approve" : "deny"}`),
      anonymous(db, async ({ ctx: { state, now }, request, params }) => {
        const { number } = approve
          ? await readBody(request, PushDecisionRequest)
          : { number: undefined };
        const record = state.outbox.find((m) => m.id === params.id && m.push);
        const push = record?.push;
        if (!record || !push) throw new Refusal(404, "NOT_FOUND", "No such push.");
        if (push.status !== "waiting" || now > push.expiresAt) {
          throw new Refusal(
            409,
            "PUSH_EXPIRED",
            "This push has already been answered or has expired.",
          );
        }
        if (!approve) push.status = "denied";
        else if (number !== push.correctNumber) push.status = "wrong_number";
        else push.status = "approved";
        return toMessage(record, now);
      }),
    );

  return [
    // The development phone's MobilePASS app: its tokens and their passcodes; adding one by its
    // activation string.
    http.get(
      route("/__dev/mobilepass"),
      anonymous(db, async ({ ctx: { state, now } }) => devMobilePass(state, now)),
    ),
    http.post(
      route("/__dev/mobilepass"),
      anonymous(db, async ({ ctx: { state, now }, request }) => {
        const { activationString } = await readBody(request, AddToMobilePassRequest);
        addToDevMobilePass(state, activationString);
        return devMobilePass(state, now);
      }),
    ),
    http.get(
      route("/__dev/outbox"),
      anonymous(db, async ({ ctx: { state, now } }) => {
        // Reversed first: the sort is stable, so messages sent at the same instant stay newest first.
        const newestFirst = [...state.outbox].reverse().sort((a, b) => b.sentAt - a.sentAt);
        return newestFirst.map((m) => toMessage(m, now));
      }),
    ),
    http.get(
      route("/__dev/clock"),
      anonymous(db, async ({ ctx: { state } }) => clock(db, state)),
    ),
    http.post(
      route("/__dev/clock"),
      anonymous(db, async ({ ctx: { state }, request }) => {
        const { advanceSeconds } = await readBody(request, AdvanceClockRequest);
        state.clockOffsetMs += advanceSeconds * 1000;
        // What a daily job would do as time passes: token expiry reminders.
        remindExpiringTokens(state, db.now(state));
        return clock(db, state);
      }),
    ),
    // The reset is a transaction of its own (it seeds the database again), so it is not wrapped in one.
    http.post(route("/__dev/reset"), () =>
      respond(async () => {
        await db.reset();
        return json({ ok: true });
      }),
    ),
    decide(true),
    decide(false),
    http.get(
      route("/__dev/okta-verify"),
      anonymous(db, async ({ ctx: { state, now } }) => oktaVerifyApp(state, now)),
    ),
    http.post(
      route("/__dev/okta-verify/:id/confirm"),
      anonymous(db, async ({ ctx: { state, now }, request, params }) => {
        const { deviceName } = await readBody(request, ConfirmOktaVerifyRequest);
        confirmOktaVerify(state, String(params.id), now, deviceName);
        return oktaVerifyApp(state, now);
      }),
    ),
  ];
}
