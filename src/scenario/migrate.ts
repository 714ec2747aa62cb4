import { FORMAT, SCHEMA_VERSION } from './schema.ts';
import type { Problem } from './problem.ts';

/**
 * Brings a file written by an older release up to the current `schemaVersion`, one step at a
 * time, noting what each step changed. A file from a newer release is refused, never guessed at.
 */
export interface Migration {
  /** The version this step reads; it writes `from + 1`. */
  from: number;
  describe: string;
  apply(file: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Version 2 replaced `finance.recoveryRate` (a share of an examined suspect's assets, booked at
 * examination) with the recovery funnel. A version 1 file becomes a one-stage funnel that gives
 * the same receipts: every suspect holding assets gets an order for all of them, one band
 * collects the old rate, and the money comes in the month of examination.
 */
const v1ToV2: Migration = {
  from: 1,
  describe:
    'the recovery rate became a recovery funnel giving the same receipts (an order for all the assets of every examined suspect holding them, one collection band at the old rate, paid in the month of examination).',
  apply(file) {
    // A file that left finance out had the version 1 defaults, which the funnel must keep.
    const finance = file.finance ?? {};
    if (finance === null || typeof finance !== 'object' || Array.isArray(finance)) return file;
    const { recoveryRate = 0.45, ...rest } = finance as Record<string, unknown>;
    return {
      ...file,
      finance: {
        orderProbability: 1,
        orderShare: 1,
        collection: [{ collected: recoveryRate }],
        monthsToReceipt: 0,
        ...rest,
      },
    };
  },
};

/** Every step, oldest first. */
export const MIGRATIONS: readonly Migration[] = [v1ToV2];

export type MigrationResult =
  { ok: true; file: Record<string, unknown>; notes: string[] } | { ok: false; problems: Problem[] };

export function migrate(
  file: Record<string, unknown>,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = SCHEMA_VERSION,
): MigrationResult {
  const refuse = (path: string, message: string): MigrationResult => ({
    ok: false,
    problems: [{ path, message }],
  });
  if (!('format' in file)) {
    return refuse(
      'format',
      `is missing: a scenario file starts with "format": "${FORMAT}". Is this a Shortfall scenario?`,
    );
  }
  if (file.format !== FORMAT) {
    return refuse(
      'format',
      `is ${JSON.stringify(file.format)}, not "${FORMAT}": this is not a Shortfall scenario file.`,
    );
  }
  const version = file.schemaVersion;
  if (version === undefined) {
    return refuse(
      'schemaVersion',
      `is missing: add "schemaVersion": ${current} if the file was made for this version.`,
    );
  }
  // Version 1 is the first release; a step from an earlier (pre-release) version extends the range.
  const oldest = Math.min(1, ...migrations.map((m) => m.from));
  if (typeof version !== 'number' || !Number.isInteger(version) || version < oldest) {
    const want =
      current === oldest
        ? `must be ${current}`
        : `must be a whole number from ${oldest} to ${current}`;
    const quoted = typeof version === 'string' && /^\s*\d+\s*$/.test(version);
    return refuse(
      'schemaVersion',
      `${want}, not ${JSON.stringify(version)}${quoted ? ': remove the quotes' : ''}.`,
    );
  }
  if (version > current) {
    return refuse(
      'schemaVersion',
      `is ${version}: this file was saved by a newer version of Shortfall (this one reads up to version ${current}). Update Shortfall to open it.`,
    );
  }
  let out = file;
  const notes: string[] = [];
  for (let v = version; v < current; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step)
      return refuse(
        'schemaVersion',
        `no way to update a version ${v} file; this is a fault in Shortfall.`,
      );
    out = { ...step.apply(out), schemaVersion: v + 1 };
    notes.push(`Updated from version ${v} to ${v + 1}: ${step.describe}`);
  }
  return { ok: true, file: out, notes };
}
