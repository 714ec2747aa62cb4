import { describe, expect, it } from 'vitest';
import type { TotalMetric } from '../../src/engine/metrics.ts';
import { summaryTable } from '../../src/cli/summaryTable.ts';
import { runScenario } from '../../src/engine/run.ts';
import { headlines } from '../../src/results/headlines.ts';
import { METRIC_INFO, metricTitle } from '../../src/results/metricInfo.ts';
import { smallRun } from '../results/smallRun.ts';
import { smallScenario } from '../runner/smallScenario.ts';

/** Characters that act on a terminal, or disguise the text around them, if printed raw. */
const RAW =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

describe('summaryTable escaping', () => {
  it('prints no control character from the seed, the scenario name or a role name', () => {
    const scenario = smallScenario();
    const summary = runScenario(scenario, { replications: 3 }).summary();
    scenario.name = 'Force\r\u001b[31mred';
    scenario.roles[0]!.name = 'FI\u202e';
    const text = summaryTable(scenario, 'seed\r\u001b[2Jgone', summary);
    const lines = text.split('\n');
    for (const line of lines) expect(line).not.toMatch(RAW);
    expect(lines[0]).toBe('Force\\r\\u001B[31mred');
    expect(lines[1]).toMatch(/^Seed "seed\\r\\u001B\[2Jgone", 3 replications/);
    expect(text).toContain('FI\\u202E');
  });
});

describe('summaryTable', () => {
  const { summary, scenario } = smallRun();
  const text = summaryTable(scenario, 'test', summary);

  it('names each total as the app’s headlines do, from the one metric table', () => {
    for (const h of headlines(summary, scenario).filter((x) => x.metric in METRIC_INFO)) {
      expect(text).toContain(`\n${h.label} `);
    }
    expect(text).toContain(`\n${metricTitle('hoursWorked')} `);
  });

  it('shows money in pounds and leaves out products in a scenario without them', () => {
    const row = (m: TotalMetric) => text.split('\n').find((l) => l.startsWith(metricTitle(m)));
    expect(row('missedRecovery')).toMatch(/£/);
    expect(row('unexaminedSuspects')).not.toMatch(/£/);
    expect(row('undeliveredProducts')).toBeUndefined();
    expect(row('suppressedSuspects')).toBeUndefined();
  });

  it('shows suppressed demand only for a scenario that suppresses some', () => {
    const suppressing = smallScenario();
    suppressing.units[0]!.demand[0]!.suppression = { backlogMonths: 0, share: 0.5 };
    const run = runScenario(suppressing, { replications: 5 }).summary();
    const lines = summaryTable(suppressing, 'test', run).split('\n');
    const row = lines.find((l) => l.startsWith(metricTitle('suppressedSuspects')));
    expect(row).toBeDefined();
    expect(lines.find((l) => l.startsWith(metricTitle('suppressedAssets')))).toMatch(/£/);
    expect(run.totals.suppressedSuspects.mean).toBeGreaterThan(0);
  });
});

describe('summaryTable money', () => {
  it('writes a negative amount as −£21,812, with the sign first', () => {
    const { summary, scenario } = smallRun();
    const stat = { ...summary.totals.recovered, mean: -21_812, p05: -30_000, p95: -1_000 };
    const text = summaryTable(scenario, 'test', {
      ...summary,
      totals: { ...summary.totals, recovered: stat },
    });
    expect(text).toContain('−£21,812');
    expect(text).not.toMatch(/£[-−]/);
  });
});
