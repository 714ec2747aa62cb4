import { backtest, type Backtest } from '../fit/backtest.ts';
import { fitHistory, type HistoryFit } from '../fit/fitHistory.ts';
import {
  HistoryError,
  historyColumns,
  readHistory,
  type HistoryColumn,
  type HistoryKind,
} from '../fit/history.ts';

/** An answer, or the message that says why there is none. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

function attempt<T>(work: () => T): Outcome<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    if (error instanceof HistoryError || error instanceof RangeError)
      return { ok: false, message: error.message };
    throw error;
  }
}

/** Headings that name the month rather than hold a figure. */
const DATE_HEADING = /^(month|date|period|year|week)\b/i;

/**
 * The column a planner most likely means, and its kind: the first column (other than a month or
 * date) every cell of which reads as counts, or else as positive values.
 */
export function guessHistoryColumn(
  text: string,
): { column: string; kind: HistoryKind } | undefined {
  const columns = historyColumns(text);
  const ordered = [
    ...columns.filter((c) => !DATE_HEADING.test(c)),
    ...columns.filter((c) => DATE_HEADING.test(c)),
  ];
  for (const column of ordered) {
    const kind = kindOfColumn(text, column);
    if (kind) return { column, kind };
  }
  return undefined;
}

/** Headings of amounts, which may be written in whole numbers and still are not counts. */
const AMOUNT_HEADING = /hour|value|£|pound|cost|amount|spend/i;

/**
 * The kind a column reads as: counts first, unless its heading names an amount; undefined when
 * it reads as neither.
 */
export function kindOfColumn(text: string, column: string): HistoryKind | undefined {
  const kinds = AMOUNT_HEADING.test(column)
    ? (['positive', 'counts'] as const)
    : (['counts', 'positive'] as const);
  for (const kind of kinds) {
    if (attempt(() => readHistory(text, column, kind)).ok) return kind;
  }
  return undefined;
}

/**
 * A force's monthly history as the Evidence tab holds it: the text opened or pasted, the column
 * and kind chosen, and what follows from them, kept while the planner moves between tabs.
 */
export class HistoryEvidence {
  text = $state('');
  /** Where the history came from, for the register: the file's name, or the planner's words. */
  source = $state('');
  /** Whether `source` is the name of the file opened, rather than words the planner chose. */
  fromFile = $state(false);
  column = $state('');
  kind = $state<HistoryKind>('counts');
  holdoutText = $state('12');
  /** The field a fit goes into, as a path (`units[0].demand[0].casesPerMonth`). */
  target = $state('');

  readonly columns: string[] = $derived(this.text.trim() ? historyColumns(this.text) : []);
  readonly read: Outcome<HistoryColumn> | undefined = $derived(
    this.text.trim() && this.column
      ? attempt(() => readHistory(this.text, this.column, this.kind))
      : undefined,
  );
  readonly fit: Outcome<HistoryFit> | undefined = $derived.by(() => {
    const read = this.read;
    if (!read?.ok) return undefined;
    return attempt(() => fitHistory(read.value.values, this.kind));
  });
  readonly holdout: Outcome<number> = $derived.by(() => {
    const text = this.holdoutText.trim();
    const n = Number(text);
    return /^\d+$/.test(text) && n >= 1
      ? { ok: true, value: n }
      : { ok: false, message: 'Give the months held out as a whole number, 1 or more.' };
  });
  readonly backtest: Outcome<Backtest> | undefined = $derived.by(() => {
    const read = this.read;
    if (!read?.ok || !this.fit?.ok) return undefined;
    const holdout = this.holdout;
    if (!holdout.ok) return holdout;
    return attempt(() => backtest(read.value.values, this.kind, holdout.value));
  });

  /** Takes a new history, choosing its column and kind where they can be told from it. */
  load(text: string, source: string, fromFile = false): void {
    this.text = text;
    this.source = source;
    this.fromFile = fromFile;
    const guess = guessHistoryColumn(text);
    const columns = historyColumns(text);
    this.column = guess?.column ?? columns[0] ?? '';
    this.kind = guess?.kind ?? 'counts';
  }

  /** Another column: its kind follows it when only one kind reads it. */
  chooseColumn(column: string): void {
    this.column = column;
    this.kind = kindOfColumn(this.text, column) ?? this.kind;
  }
}
