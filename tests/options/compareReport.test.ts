import { describe, expect, it, vi } from 'vitest';
import { inThreadEvaluate } from '../../src/decision/evaluate.ts';
import { runOptions } from '../../src/options/compareOptions.ts';
import {
  costRows,
  DIFFERENCE_COLUMNS,
  differenceRows,
  moneyLines,
  optionReports,
} from '../../src/options/compareReport.ts';
import { smallWithOptions } from './fixture.ts';

vi.setConfig({ testTimeout: 60_000 });

describe('compare report', async () => {
  const scenario = smallWithOptions();
  const run = await runOptions(scenario, scenario.options!, inThreadEvaluate(), {
    seed: 'report',
    replications: 60,
  });
  const option = run.options[1]!;

  it('gives every option with its totals, a sentence and empty slots for what runs do not say yet', () => {
    const [first] = optionReports(run);
    expect(first!.name).toBe('Fill the 2 vacancies');
    expect(first!.bottleneck).toBeNull();
    expect(first!.byUnit).toBeNull();
    expect(first!.totals).toBe(run.options[0]!.totals);
  });

  it('writes exact signed figures, money with the sign before the pound', () => {
    const rows = differenceRows(option);
    for (const row of rows) expect(row).toHaveLength(DIFFERENCE_COLUMNS.length);
    const unexamined = rows.find((r) => r[0] === 'Suspects not examined for assets')!;
    const d = option.totals.unexaminedSuspects!.difference;
    const exact = Math.abs(d.mean).toLocaleString('en-GB', {
      maximumFractionDigits: Math.abs(d.mean) >= 100 ? 0 : 1,
    });
    expect(unexamined[3]).toBe(`${d.mean < 0 ? '−' : '+'}${exact}`);
    expect(unexamined[5]).toBe(
      `${Math.round(option.totals.unexaminedSuspects!.probabilityBetter! * 100)}%`,
    );
    const text = rows.flat().join(' ');
    expect(text).not.toMatch(/£[-−]/);
    // The scenario has no products: their rows are left out.
    expect(rows.some((r) => /products/.test(r[0]!))).toBe(false);
  });

  it('costs each year and the whole horizon, and sets the cost against what it brings in', () => {
    const rows = costRows(option);
    expect(rows.map((r) => r[0])).toEqual(['Year 1', 'Year 2', 'Whole horizon']);
    expect(rows[2]![2]).toBe(`+£${Math.round(option.cost.total).toLocaleString('en-GB')}`);
    const lines = Object.fromEntries(moneyLines(option));
    expect(lines['Extra staff cost over the horizon']).toBe(rows[2]![2]);
    expect(lines['Force income less staff cost']).toMatch(/^−£[\d,]+ \(90% range −£[\d,]+ to /);
  });
});
