import type { ChunkResult } from '../chunk.ts';
import type { Layout } from '../metrics.ts';

/** A total of one replication that is not a finite number. */
export interface NonFiniteTotal {
  /** The total's name, as in the JSON output's `totals` (`missedRecovery`, `inPost.fi`). */
  total: string;
  replication: number;
  value: number;
}

/** The first total in `chunk` that is NaN or ±Infinity, in replication order; else undefined. */
export function nonFiniteTotal(layout: Layout, chunk: ChunkResult): NonFiniteTotal | undefined {
  const { totals, start } = chunk;
  const width = layout.totalNames.length;
  for (let i = 0; i < totals.length; i++) {
    const value = totals[i]!;
    // Written so that NaN, which fails every comparison, is caught with the infinities.
    if (!(Math.abs(value) <= Number.MAX_VALUE)) {
      return {
        total: layout.totalNames[i % width]!,
        replication: start + Math.floor(i / width),
        value,
      };
    }
  }
  return undefined;
}

/**
 * The fields of a demand stream whose draws feed a total: where a planner looks when the total
 * is not finite. Money comes from asset values, hours from hours per item, counts from cases and
 * items per case; staff totals (`inPost.fi`) from the staff figures.
 */
export function fieldsFeeding(total: string): string {
  const money = [
    'assetsNotInvestigated',
    'missedRecovery',
    'missedForceIncome',
    'recovered',
    'forceIncome',
  ];
  if (money.includes(total)) return 'units[].demand[].assetValue';
  if (total.endsWith('Hours') || total === 'hoursWorked') return 'units[].demand[].hoursPerItem';
  if (total.includes('.')) return 'units[].staff[]';
  return 'units[].demand[].casesPerMonth and itemsPerCase';
}

/**
 * Refuses a chunk whose totals are not all finite, so that a run never reports statistics made
 * of NaN or Infinity as if it had succeeded: the error names the total and its replication.
 */
export function checkFiniteTotals(layout: Layout, chunk: ChunkResult): void {
  const bad = nonFiniteTotal(layout, chunk);
  if (!bad) return;
  throw new RangeError(
    `the total "${bad.total}" of replication ${bad.replication} came out as ${String(bad.value)}, not a finite number, so the run was stopped; check ${fieldsFeeding(bad.total)} for very large or very wide values.`,
  );
}
