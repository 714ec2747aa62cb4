import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run.ts';
import { formatPounds } from '../../src/results/format.ts';
import { RECOVERY_TOTALS, recoveryRows, unitTable } from '../../src/results/recoveryTable.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import siu from '../../scenarios/london-sensitive-intelligence-units.json';
import { smallRun, smallScenario } from './smallRun.ts';

describe('recoveryRows', () => {
  it('gives each funnel total its title, mean and 90% range, money in pounds', () => {
    const { summary, scenario } = smallRun(20);
    const rows = recoveryRows(summary, scenario);
    expect(rows.map((r) => r.metric)).toEqual(RECOVERY_TOTALS);
    const recovered = rows.find((r) => r.metric === 'recovered')!;
    expect(recovered.label).toBe('Assets recovered');
    expect(recovered.mean).toBe(formatPounds(summary.totals.recovered.mean));
    expect(recovered.range).toBe(
      `${formatPounds(summary.totals.recovered.p05)} to ${formatPounds(summary.totals.recovered.p95)}`,
    );
    expect(rows.find((r) => r.metric === 'ordersMade')!.mean).not.toContain('£');
  });

  it('has nothing to show for a scenario of analytical products alone', () => {
    const result = validateScenario({ ...siu, horizonMonths: 6 });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { summary } = { summary: runScenario(result.value, { replications: 2 }).summary() };
    expect(recoveryRows(summary, result.value)).toEqual([]);
  });
});

describe('unitTable', () => {
  it('is left out for a scenario of one unit, whose breakdown is the totals', () => {
    const { summary, scenario } = smallRun(5);
    expect(unitTable(summary, scenario)).toBeUndefined();
  });

  it('gives a row per unit, in scenario order, adding up to the totals', () => {
    // The MPS scenario split in two units: its first stream in a unit of its own.
    const scenario = smallScenario((file) => {
      const [first, ...rest] = file.units[0]!.demand;
      file.units[0]!.demand = rest;
      file.units.push({
        ...structuredClone(file.units[0]!),
        id: 'drugs-team',
        name: 'Drug supply team',
        demand: [first!],
      });
    });
    const { summary } = smallRun(10, scenario);
    const table = unitTable(summary, scenario)!;
    expect(table.rows.map((r) => r.name)).toEqual([scenario.units[0]!.name, 'Drug supply team']);
    // Suspects only: no product columns.
    expect(table.columns.map((c) => c.metric)).toEqual([
      'suspectsArrived',
      'suspectsExamined',
      'unexaminedSuspects',
      'ordersMade',
      'recovered',
      'missedRecovery',
    ]);
    expect(table.columns.find((c) => c.metric === 'missedRecovery')!.heading).toBe(
      'Recovery missed (£)',
    );
    const arrived = scenario.units.map((u) => summary.byUnit[u.id]!.suspectsArrived.mean);
    expect(arrived[0]! + arrived[1]!).toBeCloseTo(summary.totals.suspectsArrived.mean, 6);
    expect(arrived.every((a) => a > 0)).toBe(true);
  });
});
