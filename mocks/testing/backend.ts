import { expect } from "vitest";
import {
  ClockState,
  Outbox,
  type OutboxChannel,
  type OutboxMessage,
} from "../../src/api/contracts/dev";
import type { MockState } from "../db/state";
import { MockDb } from "../db/store";
import { createHandlers } from "../handlers";
import { generateTotp } from "../rules/totp";
import { Browser } from "./client";

/**
 * Runs `make` with stack traces of no frames: MSW's handlers each read their call site from a stack
 * trace (for its handler listings, which no test prints), and under Vitest every trace goes through
 * the source maps: a sixth of a handler test's time when each test builds its own backend.
 */
function withoutCallSites<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A fixed "real" time for the tests, 10 s into a TOTP step. */
export const START = Date.UTC(2025, 5, 2, 14, 0, 10);

/**
 * A fresh seeded mock backend on a fake real clock that only moves when a test moves it, plus the
 * development inbox and clock as QA reaches them (`/__dev/*`).
 */
export class MockBackend {
  private realNow = START;
  readonly db = new MockDb({ realNow: () => this.realNow });
  readonly handlers = withoutCallSites(() => createHandlers(this.db));
  private readonly dev = this.browser("dev inbox");

  browser(userAgent?: string): Browser {
    return new Browser(this.handlers, userAgent);
  }

  /** Moves the real clock; the mock clock follows at its offset. */
  passRealTime(ms: number): void {
    this.realNow += ms;
  }

  getRealNow(): number {
    return this.realNow;
  }

  /** The mock clock (`GET /__dev/clock`), which every expiry and TOTP check reads. */
  async now(): Promise<number> {
    const response = await this.dev.get("/__dev/clock");
    expect(response.status).toBe(200);
    return ClockState.parse(response.json).epochMs;
  }

  /** Moves the mock clock forward (`POST /__dev/clock`). */
  async advance(seconds: number): Promise<number> {
    const response = await this.dev.post("/__dev/clock", { advanceSeconds: seconds });
    expect(response.status).toBe(200);
    return ClockState.parse(response.json).epochMs;
  }

  /** Everything "sent", newest first (`GET /__dev/outbox`). */
  async outbox(): Promise<OutboxMessage[]> {
    const response = await this.dev.get("/__dev/outbox");
    expect(response.status).toBe(200);
    return Outbox.parse(response.json);
  }

  /** The newest message on a channel to someone. */
  async latest(channel: OutboxChannel, to: string): Promise<OutboxMessage> {
    const found = (await this.outbox()).find((m) => m.channel === channel && m.to.startsWith(to));
    if (!found) throw new Error(`No ${channel} message to ${to} in the outbox`);
    return found;
  }

  /** Answers a push from the development inbox, as the phone would. */
  decidePush(id: string, decision: "approve" | "deny", number?: number) {
    return this.dev.post(`/__dev/push/${id}/${decision}`, number === undefined ? {} : { number });
  }

  /** What an authenticator app holding this key shows now, by the mock's clock. */
  async totp(base32Key: string, offsetSeconds = 0): Promise<string> {
    return generateTotp(base32Key, (await this.now()) + offsetSeconds * 1000);
  }

  /** A copy of part of the database, read inside a transaction. */
  read<T>(select: (state: MockState) => T): Promise<T> {
    return this.db.transaction((state) => structuredClone(select(state)));
  }

  /** Changes the database directly, for set-ups no seeded account has. */
  change<T>(apply: (state: MockState) => T): Promise<T> {
    return this.db.transaction(apply);
  }
}
