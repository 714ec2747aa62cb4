import type { ScenarioInput } from '../scenario/schema.ts';

/**
 * The part of the Web Storage API the drafts need; localStorage and sessionStorage fit, and so
 * does a Map. `key` and `length` list the drafts, so no shared index has to be rewritten by two
 * tabs at once.
 */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const RECOVERY_NOTE =
  'Browser storage is for recovery only; the file is the master copy. Save the scenario to keep it.';

/** Drafts being kept, one per tab: `shortfall.draft.v2.<tab id>`. */
export const DRAFT_PREFIX = 'shortfall.draft.v2.';
/** Drafts that could not be restored, kept for the planner to download: never deleted here. */
export const ASIDE_PREFIX = 'shortfall.draft-aside.v2.';
/** The single draft kept before drafts were kept per tab; offered like another tab's. */
export const LEGACY_KEY = 'shortfall.draft.v1';
/** The tab's id, in sessionStorage: it survives a reload of the tab and differs between tabs. */
export const TAB_KEY = 'shortfall.tab.v1';

/** A draft as stored, read but not yet checked: restoring checks it as a file is checked. */
export interface StoredDraft {
  key: string;
  text: string;
  /** What the listing shows; read leniently, so an unreadable draft can still be offered. */
  name: string;
  savedAt: Date | undefined;
  origin: string;
}

/**
 * Keeps the scenario being edited in browser storage so a closed tab or a crash loses nothing:
 * one draft per tab, so tabs never overwrite or delete each other's work. The caller debounces
 * edits.
 */
export class DraftStore {
  tabId: string;
  private ownKey: string;

  constructor(
    private readonly local: StorageLike,
    private readonly session: StorageLike,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {
    this.tabId = tabIdFrom(session, newId);
    this.ownKey = DRAFT_PREFIX + this.tabId;
  }

  /**
   * Takes a new id, for a tab that shares its id with another: a duplicated tab starts with a
   * copy of the original's session storage. Its draft is kept under the new id from then on.
   */
  renewTabId(): void {
    this.tabId = this.newId();
    this.ownKey = DRAFT_PREFIX + this.tabId;
    try {
      this.session.setItem(TAB_KEY, this.tabId);
    } catch {
      // The new id lasts as long as the page; a reload then counts as a new tab.
    }
  }

  /** Stores this tab's draft; false when storage is full or refused (private browsing). */
  save(scenario: ScenarioInput, origin: string): boolean {
    try {
      const record = { savedAt: this.now().toISOString(), origin, scenario };
      this.local.setItem(this.ownKey, JSON.stringify(record));
      return true;
    } catch {
      return false;
    }
  }

  /** This tab's draft, left by a reload or a crash of this tab. */
  own(): StoredDraft | undefined {
    return this.read(this.ownKey);
  }

  /** Drafts of other tabs and earlier sessions, newest first. */
  others(): StoredDraft[] {
    const keys = this.keys().filter(
      (key) => (key.startsWith(DRAFT_PREFIX) && key !== this.ownKey) || key === LEGACY_KEY,
    );
    const drafts = keys.flatMap((key) => this.read(key) ?? []);
    const time = (d: StoredDraft) => d.savedAt?.getTime() ?? 0;
    return drafts.sort((a, b) => time(b) - time(a));
  }

  read(key: string): StoredDraft | undefined {
    let text: string | null;
    try {
      text = this.local.getItem(key);
    } catch {
      return undefined;
    }
    return text === null ? undefined : { key, text, ...summary(text) };
  }

  /** Forgets this tab's draft: called once the scenario is saved to a file. */
  clear(): void {
    this.remove(this.ownKey);
  }

  /** Forgets another draft, on the planner's word. */
  discard(key: string): void {
    if (key.startsWith(DRAFT_PREFIX) || key === LEGACY_KEY) this.remove(key);
  }

  /**
   * Moves a draft that cannot be restored out of the way, keeping its text; false when storage
   * refuses, and then it stays where it was.
   */
  setAside(key: string): boolean {
    const draft = this.read(key);
    if (!draft) return true;
    try {
      this.local.setItem(`${ASIDE_PREFIX}${this.now().toISOString()}.${this.newId()}`, draft.text);
    } catch {
      return false;
    }
    this.remove(key);
    return true;
  }

  /**
   * Hands this tab's draft over to the list of other drafts, under a new key, so the tab can
   * keep something else (a share link it opens) without writing over it.
   */
  release(): void {
    const draft = this.own();
    if (!draft) return;
    try {
      this.local.setItem(DRAFT_PREFIX + this.newId(), draft.text);
      this.remove(this.ownKey);
    } catch {
      // Storage full: the tab keeps its draft under its own key and saves over it no sooner
      // than the planner edits the scenario the link opened.
    }
  }

  private keys(): string[] {
    const keys: string[] = [];
    try {
      for (let i = 0; i < this.local.length; i++) {
        const key = this.local.key(i);
        if (key !== null) keys.push(key);
      }
    } catch {
      // Storage refused: there is nothing to list.
    }
    return keys;
  }

  private remove(key: string): void {
    try {
      this.local.removeItem(key);
    } catch {
      // Storage that refuses removal holds nothing this session wrote.
    }
  }
}

function tabIdFrom(session: StorageLike, newId: () => string): string {
  try {
    const id = session.getItem(TAB_KEY);
    if (id) return id;
  } catch {
    return newId();
  }
  const id = newId();
  try {
    session.setItem(TAB_KEY, id);
  } catch {
    // Without session storage a reload counts as a new tab; its draft is then offered as another.
  }
  return id;
}

/** Name, time and origin for the listing, or placeholders where the text does not say. */
function summary(text: string): Pick<StoredDraft, 'name' | 'savedAt' | 'origin'> {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    record = undefined;
  }
  const { savedAt, origin, scenario } = (
    record !== null && typeof record === 'object' ? record : {}
  ) as Record<string, unknown>;
  const name = (scenario as { name?: unknown } | null | undefined)?.name;
  const date = typeof savedAt === 'string' ? new Date(savedAt) : undefined;
  return {
    name: typeof name === 'string' && name.trim() ? name : 'Untitled scenario',
    savedAt: date && !Number.isNaN(date.getTime()) ? date : undefined,
    origin: typeof origin === 'string' ? origin : '',
  };
}

/**
 * The browser's storage, or one that refuses every call when the browser denies access (a
 * blocked site, some private modes), so the app says changes are not kept instead of failing.
 */
export function browserStorage(get: () => Storage): StorageLike {
  try {
    return get();
  } catch (error) {
    const refuse = () => {
      throw error;
    };
    return { length: 0, key: refuse, getItem: refuse, setItem: refuse, removeItem: refuse };
  }
}

/** Storage held in memory: for a tab whose session storage is not given, and for tests. */
export function memoryStorage(): StorageLike & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}
