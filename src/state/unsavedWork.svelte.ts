import { DraftStore, type StoredDraft } from '../files/drafts.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import { problemsInWords } from './problemWords.ts';
import { checkDraft, type RestoredDraft } from './restoredDraft.ts';

export type ReplaceChoice = 'save-first' | 'replace' | 'cancel';

/** The question put before unsaved work is replaced; `answer` settles it. */
export interface ReplaceQuestion {
  /** The scenario with unsaved changes. */
  current: string;
  /** What would replace it: a file name, a built-in scenario, another tab's draft. */
  replacement: string;
  answer(choice: ReplaceChoice): void;
}

/** A draft that failed its checks: kept in storage, described here, never shown. */
export interface SetAsideDraft {
  name: string;
  savedAt: Date | undefined;
  problems: string[];
  text: string;
  /** False when storage refused to move it; it is then still where it was. */
  kept: boolean;
}

/** What the unsaved work belongs to: the app's scenario being edited. */
export interface Editing {
  readonly unsaved: boolean;
  readonly origin: string;
  readonly draft: { readonly input: ScenarioInput };
  /** Saves the scenario to a file, which makes it saved. */
  saveFile(): void;
  /** Shows a draft recovered from storage, still unsaved. */
  restore(draft: RestoredDraft): void;
}

/** The part of a BroadcastChannel that tells tabs of the same page apart. */
export interface TabChannel {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}

export const STORAGE_FAILED = 'Changes are not being kept in this browser: save the file.';

/**
 * Keeps unsaved work from being lost: asks before anything replaces it, keeps this tab's draft
 * in browser storage, restores it after a reload, offers other tabs' drafts without deleting
 * them, sets aside a draft that fails its checks, and says when storage stops keeping changes.
 */
export class UnsavedWork {
  question = $state.raw<ReplaceQuestion | undefined>();
  /** A save to storage failed and no later one has succeeded. */
  storageFailing = $state(false);
  /** Drafts of other tabs and sessions on offer; they stay in storage until discarded. */
  others = $state.raw<StoredDraft[]>([]);
  setAside = $state.raw<SetAsideDraft | undefined>();

  private store: DraftStore | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly editing: Editing) {}

  /**
   * Starts keeping drafts in `store`: restores this tab's draft, or, when the tab starts on a
   * share link, moves it to the other drafts; otherwise offers the other drafts.
   */
  attach(store: DraftStore, { startsOnLink = false } = {}): RestoredDraft | undefined {
    this.store = store;
    if (startsOnLink) store.release();
    let restored: RestoredDraft | undefined;
    const own = store.own();
    if (own) restored = this.check(own);
    if (!restored) this.others = store.others();
    return restored;
  }

  /**
   * Keeps each edit in storage `debounceMs` after it, while there are unsaved changes. Returns
   * the stop.
   */
  keep(debounceMs: number): () => void {
    const stop = $effect.root(() => {
      $effect(() => {
        this.edited(
          this.editing.draft.input,
          this.editing.origin,
          this.editing.unsaved,
          debounceMs,
        );
      });
    });
    return () => {
      clearTimeout(this.timer);
      stop();
    };
  }

  /** Saves the scenario to storage once `debounceMs` pass without another edit. */
  edited(input: ScenarioInput, origin: string, unsaved: boolean, debounceMs: number): void {
    // A save still waiting when the scenario is saved to a file must not write it back.
    clearTimeout(this.timer);
    if (!unsaved) return;
    this.timer = setTimeout(() => {
      if (this.store) this.storageFailing = !this.store.save(input, origin);
    }, debounceMs);
  }

  /**
   * Makes sure no other open tab keeps its draft under this tab's id: a duplicated tab starts
   * with a copy of the original's id, and the original answers its greeting, so the copy takes
   * a new one. Returns the stop.
   */
  shareTabs(channel: TabChannel): () => void {
    let greeted = true;
    channel.onmessage = (event: MessageEvent) => {
      const message = (event.data ?? {}) as { hello?: unknown; taken?: unknown };
      const id = this.store?.tabId;
      if (id === undefined) return;
      if (message.hello === id) channel.postMessage({ taken: id });
      else if (message.taken === id && greeted) {
        greeted = false;
        this.store?.renewTabId();
      }
    };
    channel.postMessage({ hello: this.store?.tabId });
    return () => channel.close();
  }

  /** The scenario matches a file now: this tab's draft, and only this tab's, is forgotten. */
  saved(): void {
    clearTimeout(this.timer);
    this.store?.clear();
    this.storageFailing = false;
  }

  /**
   * Resolves true when `replacement` may replace the scenario: at once when nothing is unsaved,
   * otherwise once the planner answers Replace, or Save first (the file is saved first).
   */
  async mayReplace(replacement: string): Promise<boolean> {
    if (!this.editing.unsaved) return true;
    // A second request while one is asked (a file dropped meanwhile) withdraws the first.
    this.question?.answer('cancel');
    let asked: ReplaceQuestion | undefined;
    const choice = await new Promise<ReplaceChoice>((resolve) => {
      asked = {
        current: this.editing.draft.input.name?.trim() || 'The scenario',
        replacement,
        answer: resolve,
      };
      this.question = asked;
    });
    if (this.question === asked) this.question = undefined;
    if (choice === 'cancel') return false;
    if (choice === 'save-first') this.editing.saveFile();
    return true;
  }

  /** Shows another tab's draft here, asking first if this tab has unsaved work; it stays offered. */
  async recover(key: string): Promise<boolean> {
    const stored = this.store?.read(key);
    if (!stored) {
      this.others = this.others.filter((d) => d.key !== key);
      return false;
    }
    if (!(await this.mayReplace(`the unsaved “${stored.name}”`))) return false;
    const draft = this.check(stored);
    this.others = this.others.filter((d) => d.key !== key);
    if (!draft) return false;
    this.editing.restore(draft);
    return true;
  }

  /** Deletes another draft: only on the planner's word. */
  discard(key: string): void {
    this.store?.discard(key);
    this.others = this.others.filter((d) => d.key !== key);
  }

  /** Hides the offer of other drafts; they stay in storage and are offered again next time. */
  dismissOthers(): void {
    this.others = [];
  }

  dismissSetAside(): void {
    this.setAside = undefined;
  }

  private check(stored: StoredDraft): RestoredDraft | undefined {
    const checked = checkDraft(stored);
    if (checked.ok) return checked.draft;
    const kept = this.store?.setAside(stored.key) ?? false;
    this.setAside = {
      name: stored.name,
      savedAt: stored.savedAt,
      problems: problemsInWords(checked.problems, checked.file),
      text: stored.text,
      kept,
    };
    return undefined;
  }
}

/** The notice shown over a restored draft. */
export function restoredText(draft: RestoredDraft): string {
  const at = draft.savedAt.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return `Restored unsaved changes to “${draft.scenario.name ?? 'the scenario'}” from ${at} (begun from ${draft.origin}).`;
}
