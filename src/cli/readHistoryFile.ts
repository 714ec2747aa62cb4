import { resolve } from 'node:path';
import { HistoryError, readHistory, type HistoryColumn, type HistoryKind } from '../fit/history.ts';
import { CliError, UsageError } from './cliError.ts';
import type { CliIo } from './io.ts';
import { readScenarioBytes } from './readScenarioBytes.ts';

/** The flags `fit` and `backtest` share. */
export const HISTORY_FLAGS = { column: 'string', kind: 'string', format: 'string' } as const;

export function historyKind(value: string | undefined): HistoryKind {
  if (value === undefined) {
    throw new UsageError(
      'Give --kind counts (referrals, cases) or --kind positive (hours, values).',
    );
  }
  if (value !== 'counts' && value !== 'positive') {
    throw new UsageError(`--kind must be "counts" or "positive", not "${value}".`);
  }
  return value;
}

export function outputFormat(value: string | undefined): 'table' | 'json' {
  if (value === undefined || value === 'table' || value === 'json') return value ?? 'table';
  throw new UsageError(`--format must be "table" or "json", not "${value}".`);
}

/** Reads the chosen column of a CSV history, turning its problems into one-line errors. */
export async function readHistoryFile(
  io: CliIo,
  file: string | undefined,
  column: string | undefined,
  kind: HistoryKind,
): Promise<HistoryColumn> {
  if (file === undefined) throw new UsageError('Give a history FILE.csv.');
  if (column === undefined) throw new UsageError('Give --column NAME, a heading of the CSV.');
  const bytes = await readScenarioBytes(file, resolve(io.cwd, file));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${file}: not UTF-8 text; save it from the spreadsheet as CSV UTF-8.`);
  }
  try {
    return readHistory(text, column, kind);
  } catch (error) {
    if (error instanceof HistoryError) {
      throw new CliError(error.message.split('\n').map((line) => `${file}: ${line}`));
    }
    throw error;
  }
}
