import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run.ts';
import { smallScenario } from '../results/smallRun.ts';

describe('yearly results by financial year', () => {
  const base = smallScenario((file) => {
    file.horizonMonths = 20;
  });
  const fy = { ...base, startMonth: '2026-10' };
  const byHorizonYear = runScenario(base, { seed: 'fy', replications: 30 }).summary();
  const byFinancialYear = runScenario(fy, { seed: 'fy', replications: 30 }).summary();

  it('sums each financial year’s months: October to March, then April on', () => {
    const months = byFinancialYear.monthly.unexaminedSuspects.map((s) => s.mean);
    const sum = (from: number, to: number) => months.slice(from, to).reduce((a, b) => a + b, 0);
    const years = byFinancialYear.yearly.unexaminedSuspects.map((s) => s.mean);
    expect(years).toHaveLength(3);
    expect(years[0]).toBeCloseTo(sum(0, 6), 6);
    expect(years[1]).toBeCloseTo(sum(6, 18), 6);
    expect(years[2]).toBeCloseTo(sum(18, 20), 6);
  });

  it('changes nothing but the years: totals and months are those without a start month', () => {
    expect(byFinancialYear.totals).toEqual(byHorizonYear.totals);
    expect(byFinancialYear.monthly).toEqual(byHorizonYear.monthly);
    expect(byHorizonYear.yearly.unexaminedSuspects).toHaveLength(2);
  });
});
