import { describe, expect, it } from 'vitest';
import { resultCharts } from '../../src/results/charts.ts';
import { headlines } from '../../src/results/headlines.ts';
import { warmUpRun } from '../../src/results/warmUpRun.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import mps from '../../scenarios/mps-financial-investigators.json';

const parsed = validateScenario(mps);
if (!parsed.ok) throw new Error('The MPS scenario is invalid.');
const scenario = parsed.value;

describe('warmUpRun', () => {
  it('makes results with numbers in every headline and every chart, as a real run has', () => {
    const { summary, aggregate } = warmUpRun(scenario);
    expect(aggregate.replications).toBeGreaterThan(1);
    expect(summary.replications).toBe(aggregate.replications);
    for (const headline of headlines(summary, scenario)) expect(headline.sentence).toMatch(/\d/);
    const charts = resultCharts(summary, aggregate, scenario);
    expect(charts.map((c) => c.kind)).toEqual(
      expect.arrayContaining(['fan', 'histogram', 'funnel']),
    );
    for (const chart of charts) {
      expect(chart.title).toMatch(/\d/);
      if (chart.kind === 'histogram') expect(chart.bins.length).toBeGreaterThan(1);
    }
  });

  it('gives the same made-up results each time, whatever ran before', () => {
    const first = JSON.stringify(warmUpRun(scenario).summary);
    warmUpRun({ ...scenario, horizonMonths: 12 });
    expect(JSON.stringify(warmUpRun(scenario).summary)).toBe(first);
  });
});
