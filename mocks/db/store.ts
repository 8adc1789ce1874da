import { SCHEMA_VERSION, type MockState } from "./state";
import { seedState } from "./seed";

/** Where the mock's database lives between requests: memory only, or browser storage. */
export interface Persistence {
  load(): MockState | null;
  save(state: MockState): void;
}

export type MockDbOptions = {
  persistence?: Persistence;
  /** The real clock the mock clock is offset from; tests may pass their own. */
  realNow?: () => number;
};

/**
 * The mock backend's database: one state object, changed only inside `transaction`, which runs one
 * change at a time, reads the persisted copy first (another tab may have changed it) and saves after.
 */
export class MockDb {
  private state: MockState | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly persistence: Persistence | undefined;
  readonly realNow: () => number;

  constructor(options: MockDbOptions = {}) {
    this.persistence = options.persistence;
    this.realNow = options.realNow ?? (() => Date.now());
  }

  /** The mock clock: every expiry, TOTP check and lockout reads this. */
  now(state: MockState): number {
    return this.realNow() + state.clockOffsetMs;
  }

  transaction<T>(change: (state: MockState) => T | Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      const state = await this.current();
      try {
        return await change(state);
      } finally {
        // Saved on failure too: a refused code still counts toward lockout.
        this.persistence?.save(state);
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async reset(): Promise<void> {
    await this.transaction(async (state) => {
      Object.assign(state, await seedState(this.realNow()));
    });
  }

  private async current(): Promise<MockState> {
    const persisted = this.persistence?.load();
    if (persisted && persisted.schemaVersion === SCHEMA_VERSION) this.state = persisted;
    if (!this.state) this.state = await seedState(this.realNow());
    return this.state;
  }
}

/** Keeps the database in localStorage so that it survives a reload (the mock stands in for a server). */
export function browserPersistence(key = "traqs-mock-db"): Persistence {
  return {
    load() {
      const text = localStorage.getItem(key);
      if (!text) return null;
      try {
        return JSON.parse(text) as MockState;
      } catch {
        return null;
      }
    },
    save(state) {
      localStorage.setItem(key, JSON.stringify(state));
    },
  };
}
