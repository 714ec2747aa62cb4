import { describe, expect, it } from 'vitest';
import type { TotalMetric } from '../../src/engine/metrics.ts';
import { summaryTable } from '../../src/cli/summaryTable.ts';
import { headlines } from '../../src/results/headlines.ts';
import { METRIC_INFO, metricTitle } from '../../src/results/metricInfo.ts';
import { smallRun } from '../results/smallRun.ts';

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
  });
});
