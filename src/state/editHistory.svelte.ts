/**
 * Undo and redo over whole values: each entry is the value before an edit, kept by reference,
 * so an undo gives back exactly what was there. Edits to the same field in a row (typing a
 * number a key at a time) make one entry, as a spreadsheet treats one cell edit.
 */
export class EditHistory<T> {
  #past = $state.raw<{ value: T; label: string }[]>([]);
  #future = $state.raw<{ value: T; label: string }[]>([]);
  /** The field the last edit was to, so the next keystroke in it joins that edit. */
  #lastKey: string | undefined;

  constructor(private readonly limit = 200) {}

  readonly canUndo = $derived(this.#past.length > 0);
  readonly canRedo = $derived(this.#future.length > 0);
  /** What Undo would take back, in words, e.g. "Add unit". */
  readonly undoLabel = $derived(this.#past.at(-1)?.label ?? '');
  readonly redoLabel = $derived(this.#future.at(-1)?.label ?? '');

  /** Keeps `before` as the value an undo returns to; `key` joins repeated edits to one field. */
  record(before: T, label: string, key?: string): void {
    this.#future = [];
    if (key !== undefined && key === this.#lastKey && this.#past.length > 0) return;
    this.#lastKey = key;
    this.#past = [...this.#past, { value: before, label }].slice(-this.limit);
  }

  /** The value before the last edit, given `now` to keep for redo; undefined with none. */
  undo(now: T): T | undefined {
    const last = this.#past.at(-1);
    if (!last) return undefined;
    this.#past = this.#past.slice(0, -1);
    this.#future = [...this.#future, { value: now, label: last.label }];
    this.#lastKey = undefined;
    return last.value;
  }

  redo(now: T): T | undefined {
    const next = this.#future.at(-1);
    if (!next) return undefined;
    this.#future = this.#future.slice(0, -1);
    this.#past = [...this.#past, { value: now, label: next.label }];
    this.#lastKey = undefined;
    return next.value;
  }

  /** Ends the run of keystrokes in one field: the next edit is an entry of its own. */
  seal(): void {
    this.#lastKey = undefined;
  }

  clear(): void {
    this.#past = [];
    this.#future = [];
    this.#lastKey = undefined;
  }
}
