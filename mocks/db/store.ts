import { newSealingKey } from "../rules/crypto";
import { SCHEMA_VERSION, type MockState } from "./state";
import { seedState } from "./seed";

/** Where the mock's database lives between requests: memory only, or browser storage. */
export interface Persistence {
  load(): Promise<MockState | null>;
  save(state: MockState): Promise<void>;
  /** Runs a change while no other copy of the mock (another tab) can run one. */
  exclusive?<T>(change: () => Promise<T>): Promise<T>;
  /** The key that seals secrets the server must show again, kept apart from the state. */
  sealingKey?(): Promise<CryptoKey>;
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
  private key: Promise<CryptoKey> | null = null;
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
        if (this.persistence && JSON.stringify(state) !== before)
          await this.persistence.save(state);
      }
    };
    const exclusive = this.persistence?.exclusive?.bind(this.persistence);
    const run = this.queue.then(() => (exclusive ? exclusive(apply) : apply()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * The key the current refresh tokens are sealed with. It stands in for a server's key store: the
   * state (and its persisted copy) holds only hashes and sealed tokens, never the key.
   */
  sealingKey(): Promise<CryptoKey> {
    if (!this.key) {
      const key = this.persistence?.sealingKey?.() ?? newSealingKey();
      key.catch(() => (this.key = null)); // a failed read is tried again next time
      this.key = key;
    }
    return this.key;
  }

  async reset(): Promise<void> {
    await this.transaction(async (state) => {
      Object.assign(state, await seedState(this.realNow()));
    });
  }

  private async current(): Promise<{ state: MockState; seeded: boolean }> {
    const persisted = await this.persistence?.load();
    if (persisted && persisted.schemaVersion === SCHEMA_VERSION) this.state = persisted;
    if (this.state) return { state: this.state, seeded: false };
    this.state = await seedState(this.realNow());
    return { state: this.state, seeded: true };
  }
}

/** The in-page mock's IndexedDB database: the one storage not the app's own (SECURITY 25). */
export const MOCK_DATABASE = "traqs-mock-db";

/**
 * Keeps the database in IndexedDB, so that it survives a reload (the mock stands in for a server).
 * Not localStorage: Chromium keeps a copy of it in each tab's process and passes changes on
 * afterwards, so a tab could read an old copy just after another tab saved, and save over it (a
 * push approved in the inbox tab was lost to the app tab's next poll). An IndexedDB read sees
 * every transaction committed before it.
 */
export function browserPersistence(key = MOCK_DATABASE): Persistence {
  const STORE = "state";
  let database: Promise<IDBDatabase> | null = null;
  const open = () => {
    if (!database) {
      const opening = indexedDB.open(key, 1);
      opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
      database = settled(opening);
    }
    return database;
  };
  return {
    async load() {
      const read = (await open()).transaction(STORE).objectStore(STORE).get(key);
      const text: unknown = await settled(read);
      if (typeof text !== "string") return null;
      try {
        return JSON.parse(text) as MockState;
      } catch {
        return null;
      }
    },
    async save(state) {
      const write = (await open()).transaction(STORE, "readwrite");
      write.objectStore(STORE).put(JSON.stringify(state), key);
      // Saved once committed: only then may another tab's transaction begin.
      await committed(write);
    },
    // Each tab runs its own copy of the mock over one database: without a lock, two tabs'
    // read-change-save cycles interleave and one tab's save wipes out the other's change.
    exclusive(change) {
      return navigator.locks.request(key, change) as Promise<Awaited<ReturnType<typeof change>>>;
    },
    // A non-extractable CryptoKey, stored as such (its bytes cannot be read out), beside the state.
    async sealingKey() {
      const name = `${key}:sealing-key`;
      return navigator.locks.request(name, async () => {
        const read = (await open()).transaction(STORE).objectStore(STORE).get(name);
        const stored: unknown = await settled(read);
        if (stored instanceof CryptoKey) return stored;
        const created = await newSealingKey();
        const write = (await open()).transaction(STORE, "readwrite");
        write.objectStore(STORE).put(created, name);
        await committed(write);
        return created;
      });
    },
  };
}

function committed(write: IDBTransaction): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    write.oncomplete = () => resolve();
    write.onerror = write.onabort = () => reject(write.error ?? new Error("Not saved"));
  });
}

function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
  });
}
