import { existsSync, readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import type { MockState } from "./state";
import type { Persistence } from "./store";

/**
 * MOCK_STATE_FILE: the local server keeps every namespace's state in one JSON file, so that a
 * shared test environment survives a restart (decision 024). Each save writes a temporary file
 * and renames it over the old one, so that a crash mid-write leaves the previous state whole.
 * The key that seals refresh tokens is not kept: after a restart a token still works for
 * scripts, but the page shows it again only after a new Get Token.
 */
export class StateFile {
  private readonly states: Record<string, MockState>;
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {
    this.states = existsSync(path)
      ? (JSON.parse(readFileSync(path, "utf8")) as { namespaces: Record<string, MockState> })
          .namespaces
      : {};
  }

  /** The persistence of one namespace: its state as last saved; a save writes the whole file. */
  persistence(namespace: string): Persistence {
    return {
      load: async () => this.states[namespace] ?? null,
      save: (state) => {
        this.states[namespace] = state;
        return this.write();
      },
    };
  }

  /** Writes one at a time, each with every namespace as it is when its turn comes. */
  private write(): Promise<void> {
    const next = this.writing.then(async () => {
      const temporary = `${this.path}.${process.pid}.tmp`;
      // Sessions, seeds and the outbox are in it: readable by its owner only (on a shared machine).
      await writeFile(temporary, JSON.stringify({ namespaces: this.states }), { mode: 0o600 });
      await rename(temporary, this.path);
    });
    this.writing = next.catch((error: unknown) => console.error("MOCK_STATE_FILE:", error));
    return next;
  }
}
