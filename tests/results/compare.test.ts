import { describe, expect, it } from 'vitest';
import { compareMetric, compareRuns } from '../../src/results/compare.ts';
import { smallRun, smallScenario } from './smallRun.ts';

describe('compareMetric', () => {
  it('takes paired differences replication by replication', () => {
    const base = Float64Array.from([10, 20, 30, 40]);
    const current = Float64Array.from([12, 22, 32, 42]);
    const c = compareMetric(base, current, true);
    expect(c.difference.mean).toBe(2);
    expect(c.difference.p05).toBe(2);
    expect(c.difference.p95).toBe(2);
    expect(c.paired).toBe(true);
  });

  it('gives unpaired differences a wider range than paired ones for the same runs', () => {
    const base = Float64Array.from([10, 20, 30, 40]);
    const current = Float64Array.from([12, 22, 32, 42]);
    const c = compareMetric(base, current, false);
    expect(c.difference.mean).toBeCloseTo(2, 10);
    expect(c.difference.p95 - c.difference.p05).toBeGreaterThan(0);
  });
});

describe('compareRuns', () => {
  it('finds more staff cut unexamined suspects, with a paired range narrower than either run', () => {
    const a = smallRun(60);
    const b = smallRun(
      60,
      smallScenario((file) => {
        file.units[0]!.staff[0]!.inPost = 329;
      }),
    );
    const rows = compareRuns(
      a.aggregate,
      b.aggregate,
      [{ metric: 'unexaminedSuspects', label: 'Unexamined', unit: 'count' }],
      true,
    );
    const row = rows[0]!;
    expect(row.difference.mean).toBeLessThan(0);
    expect(row.difference.p95 - row.difference.p05).toBeLessThan(
      row.baseline.p95 - row.baseline.p05,
    );
  });

  it('leaves out a metric one of the runs does not have', () => {
    const a = smallRun(5);
    const rows = compareRuns(
      a.aggregate,
      a.aggregate,
      [{ metric: 'inPost.nobody', label: 'x', unit: 'count' }],
      true,
    );
    expect(rows).toEqual([]);
  });
});
