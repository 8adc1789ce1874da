import { SCHEMA_VERSION, type MockState } from "./state";
import { seedState } from "./seed";

/** Where the mock's database lives between requests: memory only, or browser storage. */
export interface Persistence {
  load(): MockState | null;
  save(state: MockState): void;
  /** Runs a change while no other copy of the mock (another tab) can run one. */
  exclusive?<T>(change: () => Promise<T>): Promise<T>;
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
    const apply = async () => {
      const { state, seeded } = await this.current();
      // A freshly seeded state is saved even if unchanged, so every tab sees the same seed.
      const before = this.persistence && !seeded ? JSON.stringify(state) : "";
      try {
        return await change(state);
      } finally {
        // Saved on failure too (a refused code still counts toward lockout), but only if changed.
        if (this.persistence && JSON.stringify(state) !== before) this.persistence.save(state);
      }
    };
    const exclusive = this.persistence?.exclusive?.bind(this.persistence);
    const run = this.queue.then(() => (exclusive ? exclusive(apply) : apply()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async reset(): Promise<void> {
    await this.transaction(async (state) => {
      Object.assign(state, await seedState(this.realNow()));
    });
  }

  private async current(): Promise<{ state: MockState; seeded: boolean }> {
    const persisted = this.persistence?.load();
    if (persisted && persisted.schemaVersion === SCHEMA_VERSION) this.state = persisted;
    if (this.state) return { state: this.state, seeded: false };
    this.state = await seedState(this.realNow());
    return { state: this.state, seeded: true };
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
    // Each tab runs its own copy of the mock over one localStorage: without a lock, two tabs'
    // read-change-save cycles interleave and one tab's save wipes out the other's change.
    exclusive(change) {
      return navigator.locks.request(key, change) as Promise<Awaited<ReturnType<typeof change>>>;
    },
  };
}
