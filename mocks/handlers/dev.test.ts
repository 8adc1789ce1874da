import { beforeEach, describe, expect, it } from "vitest";
import { ClockState, Ok, Outbox } from "../../src/api/contracts/dev";
import { MockBackend, START } from "../testing/backend";
import { apiError, authnState, type Browser } from "../testing/client";
import {
  addPhone,
  challenge,
  factorId,
  JANE,
  JOHN,
  signIn,
  signInToFactor,
} from "../testing/steps";

let backend: MockBackend;
let browser: Browser;
beforeEach(() => {
  backend = new MockBackend();
  browser = backend.browser();
});

describe("GET /__dev/outbox", () => {
  it("lists the seeded invitation, then newer messages before it, in the contract's shape", async () => {
    const seeded = Outbox.parse((await browser.get("/__dev/outbox")).json);
    expect(seeded).toEqual([
      expect.objectContaining({
        channel: "email",
        to: JOHN.login,
        subject: "FINRA TRAQS - Welcome to Okta!",
        link: expect.stringMatching(/^\/activate\/[\w-]{32}$/),
      }),
    ]);

    await backend.advance(60);
    const sms = factorId(await signInToFactor(browser, JANE), "phone", "sms");
    authnState(await challenge(browser, sms));

    const response = await browser.get("/__dev/outbox");
    expect(response.status).toBe(200);
    const outbox = Outbox.parse(response.json);
    expect(outbox.map((m) => m.channel)).toEqual(["sms", "email"]);
    const times = outbox.map((m) => Date.parse(m.sentAt));
    expect(times[0]).toBe(START + 60_000);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(response.text).not.toContain("userId");
    expect(response.text).not.toContain("correctNumber");
  });

  it("keeps messages sent at the same instant newest first", async () => {
    const voice = await addPhone(backend, JANE.login, "+12025550199", "voice");
    const sms = factorId(await signInToFactor(browser, JANE), "phone", "sms");
    authnState(await challenge(browser, sms));
    authnState(await challenge(browser, voice));
    const outbox = await backend.outbox();
    expect(outbox.map((m) => m.channel)).toEqual(["voice", "sms", "email"]);
    expect(new Set(outbox.map((m) => m.sentAt)).size).toBe(1);
  });
});

describe("/__dev/clock", () => {
  it("reads the mock clock and moves it forward", async () => {
    const read = async () => ClockState.parse((await browser.get("/__dev/clock")).json);
    expect(await read()).toEqual({ now: new Date(START).toISOString(), epochMs: START });

    const moved = await browser.post("/__dev/clock", { advanceSeconds: 900 });
    expect(ClockState.parse(moved.json).epochMs).toBe(START + 900_000);
    expect((await read()).epochMs).toBe(START + 900_000);

    // The mock clock keeps its offset as real time passes.
    backend.passRealTime(5_000);
    expect((await read()).epochMs).toBe(START + 905_000);
  });

  it("refuses to move backwards or by a fraction of a second", async () => {
    apiError(await browser.post("/__dev/clock", { advanceSeconds: -60 }), 400, "VALIDATION");
    apiError(await browser.post("/__dev/clock", { advanceSeconds: 1.5 }), 400, "VALIDATION");
    expect(await backend.now()).toBe(START);
  });
});

describe("POST /__dev/reset", () => {
  it("restores the seed: clock offset 0, only the invitation in the outbox, no sessions", async () => {
    await backend.advance(3600);
    await signIn(backend, browser, JANE);
    const other = backend.browser();
    const sms = factorId(await signInToFactor(other, JANE), "phone", "sms");
    authnState(await challenge(other, sms));
    expect((await backend.outbox()).map((m) => m.channel)).toEqual(["sms", "email"]);

    const reset = await browser.post("/__dev/reset");
    expect(reset.status).toBe(200);
    expect(Ok.parse(reset.json)).toEqual({ ok: true });

    expect(await backend.now()).toBe(START);
    expect(await backend.outbox()).toEqual([
      expect.objectContaining({
        channel: "email",
        to: JOHN.login,
        subject: "FINRA TRAQS - Welcome to Okta!",
        sentAt: new Date(START).toISOString(),
      }),
    ]);
    apiError(await browser.get("/api/me"), 401, "UNAUTHENTICATED");
    expect(authnState(await other.get("/api/authn")).status).toBe("IDENTIFY");
    // The seeded accounts work again from scratch (the TOTP step used before the reset is free).
    await signIn(backend, backend.browser(), JANE);
  });
});

describe("/__dev/push/:id", () => {
  it("answers 404 for a push that does not exist", async () => {
    apiError(await browser.post("/__dev/push/nope/approve", { number: 12 }), 404, "NOT_FOUND");
    apiError(await browser.post("/__dev/push/nope/deny"), 404, "NOT_FOUND");
  });
});
