import { describe, expect, it } from 'vitest';
import { runChunk } from '../../src/engine/chunk.ts';
import { compileModel } from '../../src/engine/model.ts';
import { resultChartBuilders, resultCharts } from '../../src/results/charts.ts';
import { funnelStages } from '../../src/results/funnel.ts';
import { loadBuiltIn } from '../../src/files/builtInScenarios.ts';
import { smallRun, smallScenario } from './smallRun.ts';

describe('resultCharts', () => {
  const { summary, aggregate, scenario } = smallRun(30);
  const charts = resultCharts(summary, aggregate, scenario);

  it('has fan charts by month, an in-post chart per role with the establishment, histograms and a funnel', () => {
    expect(charts.map((c) => c.id)).toEqual([
      'unexamined-by-month',
      'backlog-by-month',
      'in-post-fi',
      'unexamined-total',
      'missed-recovery-total',
      'funnel',
    ]);
    const inPost = charts.find((c) => c.id === 'in-post-fi');
    expect(inPost?.kind === 'fan' && inPost.reference?.value).toBe(329);
  });

  it('gives every chart a table with a row per month, bin or stage', () => {
    for (const chart of charts) {
      expect(chart.table.rows.length).toBeGreaterThan(0);
      for (const row of chart.table.rows) expect(row).toHaveLength(chart.table.columns.length);
    }
    expect(charts[0]!.table.rows).toHaveLength(12);
  });

  it('titles charts with a finding that has a number in it', () => {
    for (const chart of charts) expect(chart.title).toMatch(/\d/);
  });
});

describe('resultChartBuilders', () => {
  it('builds, one chart at a time, the same charts as resultCharts', () => {
    const { summary, aggregate, scenario } = smallRun(20);
    const built = resultChartBuilders(summary, aggregate, scenario).map((build) => build());
    expect(built).toEqual(resultCharts(summary, aggregate, scenario));
  });

  it('draws histograms from the replications there were when the builders were made', () => {
    const { summary, aggregate, scenario } = smallRun(20);
    const builders = resultChartBuilders(summary, aggregate, scenario);
    // A running aggregate receives more replications before the last chart is built.
    aggregate.add(runChunk(compileModel(scenario), 'test', 20, 10));
    expect(aggregate.replications).toBe(30);
    for (const chart of builders.map((build) => build())) {
      if (chart.kind !== 'histogram') continue;
      expect(chart.bins.reduce((n, b) => n + b.count, 0)).toBe(20);
    }
  });
});

describe('funnelStages', () => {
  it('narrows from arrived to examined to holding assets', () => {
    const { summary } = smallRun(20);
    const [arrived, examined, withAssets, recovered] = funnelStages(summary);
    expect(arrived!.share).toBe(1);
    expect(examined!.share).toBeLessThanOrEqual(1);
    expect(withAssets!.value).toBeLessThanOrEqual(examined!.value);
    expect(recovered!.display.startsWith('£')).toBe(true);
  });
});

describe('resultCharts for a scenario of analytical products', () => {
  const analysts = (() => {
    const file = structuredClone(loadBuiltIn('mps-analysts'));
    file.horizonMonths = 12;
    return file;
  })();
  const { summary, aggregate, scenario } = smallRun(20, analysts);
  const charts = resultCharts(summary, aggregate, scenario);

  it('leads with products and leaves out suspects and money, which are nil', () => {
    expect(charts.map((c) => c.id)).toEqual([
      'undelivered-by-month',
      'product-backlog-by-month',
      ...scenario.roles.map((r) => `in-post-${r.id}`),
      'undelivered-total',
    ]);
    expect(charts[0]!.title).toMatch(/^About [\d,]+ analytical products a month go undelivered/);
  });

  it('adds the products after the suspects where a scenario has both', () => {
    const both = smallScenario((file) => {
      const stream = structuredClone(analysts.units[0]!.demand[0]!);
      file.units[0]!.demand.push({ ...stream, id: 'products', role: 'fi' } as never);
    });
    const run = smallRun(10, both);
    const ids = resultCharts(run.summary, run.aggregate, both).map((c) => c.id);
    expect(ids.slice(0, 2)).toEqual(['unexamined-by-month', 'backlog-by-month']);
    expect(ids.slice(-2)).toEqual(['undelivered-by-month', 'product-backlog-by-month']);
  });
});
