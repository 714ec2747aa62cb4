import { describe, expect, it, vi } from 'vitest';
import { inThreadEvaluate } from '../../src/decision/evaluate.ts';
import { runOptions } from '../../src/options/compareOptions.ts';
import {
  costRows,
  DIFFERENCE_COLUMNS,
  differenceRows,
  moneyLines,
  optionReports,
  unitGainRows,
} from '../../src/options/compareReport.ts';
import { findBottleneck } from '../../src/results/bottleneck.ts';
import { pooledWithOptions, smallWithOptions } from './fixture.ts';

/** Pounds as the tables write them: exact, signed, the sign before the pound sign. */
const money = (v: number) => {
  const text = `£${Math.round(Math.abs(v)).toLocaleString('en-GB')}`;
  if (text === '£0') return text;
  return `${v < 0 ? '−' : '+'}${text}`;
};

vi.setConfig({ testTimeout: 60_000 });

describe('compare report', async () => {
  const scenario = smallWithOptions();
  const run = await runOptions(scenario, scenario.options!, inThreadEvaluate(), {
    seed: 'report',
    replications: 60,
  });
  const option = run.options[1]!;

  it('gives every option with its totals, a sentence, its bottleneck and no units for one unit', () => {
    const [first] = optionReports(run);
    expect(first!.name).toBe('Fill the 2 vacancies');
    expect(first!.bottleneck).toEqual(
      findBottleneck(run.options[0]!.run.scenario, run.options[0]!.run.summary),
    );
    expect(first!.byUnit).toBeNull();
    expect(first!.totals).toBe(run.options[0]!.totals);
  });

  it('writes who gains as a row a unit, its differences exact with their ranges', async () => {
    const pooled = pooledWithOptions();
    const compared = await runOptions(pooled, pooled.options!, inThreadEvaluate(), {
      seed: 'report',
      replications: 60,
    });
    const gains = compared.options[0]!.byUnit!;
    const table = unitGainRows(gains);
    expect(table.columns).toEqual([
      'Unit',
      'Suspects examined for assets: difference (90% range)',
      'Suspects not examined for assets: difference (90% range)',
      'Assets recovered: difference (90% range)',
    ]);
    expect(table.rows.map((r) => r[0])).toEqual(['North', 'South']);
    const d = gains[1]!.totals.recovered!.difference;
    expect(table.rows[1]![3]).toBe(`${money(d.mean)} (${money(d.p05)} to ${money(d.p95)})`);
    expect(optionReports(compared)[0]!.byUnit).toBe(gains);
  });

  it('costs an analysts’ option by the product delivered, without money it cannot bring in', async () => {
    const products = smallWithOptions();
    Object.assign(products.units[0]!.demand[0]!, { kind: 'products', assetProbability: 0 });
    const compared = await runOptions(products, products.options!, inThreadEvaluate(), {
      seed: 'report',
      replications: 60,
    });
    const o = compared.options[1]!;
    expect(o.lead).toBe('undeliveredProducts');
    const lines = Object.fromEntries(moneyLines(o));
    expect(Object.keys(lines)).toEqual([
      'Extra staff cost over the horizon',
      'Yearly cost of the extra staff at the end',
      'Cost per extra product delivered',
    ]);
    const delivered = o.totals.productsDelivered!.difference.mean;
    expect(delivered).toBeGreaterThan(0);
    expect(lines['Cost per extra product delivered']).toMatch(
      new RegExp(`^${money(o.cost.total / delivered).replace('+', '')} \\(90% range `),
    );
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
