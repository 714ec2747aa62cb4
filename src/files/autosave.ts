import type { ScenarioInput } from '../scenario/schema.ts';

/** The part of the Web Storage API autosave needs; localStorage fits, and so does a Map. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const RECOVERY_NOTE =
  'Browser storage is for recovery only; the file is the master copy. Save the scenario to keep it.';

export interface Draft {
  scenario: ScenarioInput;
  savedAt: Date;
  /** Where the draft began: a file name, a built-in scenario or a share link. */
  origin: string;
}

const KEY = 'shortfall.draft.v1';

/**
 * Keeps the scenario being edited in browser storage so a closed tab or a crash loses nothing.
 * The caller debounces edits. The stored copy is a draft to recover, never validated here:
 * restoring goes through the same validation as opening a file.
 */
export class Autosave {
  constructor(
    private readonly storage: StorageLike,
    private readonly now: () => Date = () => new Date(),
    private readonly key: string = KEY,
  ) {}

  /** Stores the draft; false when storage is full or refused (private browsing). */
  save(scenario: ScenarioInput, origin: string): boolean {
    try {
      const record = { savedAt: this.now().toISOString(), origin, scenario };
      this.storage.setItem(this.key, JSON.stringify(record));
      return true;
    } catch {
      return false;
    }
  }

  /** The stored draft, or null when there is none or it cannot be read. */
  restore(): Draft | null {
    let text: string | null;
    try {
      text = this.storage.getItem(this.key);
    } catch {
      return null;
    }
    if (text === null) return null;
    try {
      const record: unknown = JSON.parse(text);
      if (record === null || typeof record !== 'object') return null;
      const { savedAt, origin, scenario } = record as Record<string, unknown>;
      const date = new Date(typeof savedAt === 'string' ? savedAt : NaN);
      if (Number.isNaN(date.getTime()) || typeof origin !== 'string') return null;
      if (scenario === null || typeof scenario !== 'object' || Array.isArray(scenario)) return null;
      return { scenario: scenario as ScenarioInput, savedAt: date, origin };
    } catch {
      return null;
    }
  }

  /** Forgets the draft: called once the scenario is saved to a file. */
  clear(): void {
    try {
      this.storage.removeItem(this.key);
    } catch {
      // Storage that refuses removal holds nothing this session wrote.
    }
  }
}
