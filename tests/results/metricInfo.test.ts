import { describe, expect, it } from 'vitest';
import { TOTAL_METRICS, type TotalMetric } from '../../src/engine/metrics.ts';
import { headlines } from '../../src/results/headlines.ts';
import {
  METRIC_INFO,
  METRIC_LABELS,
  metricColumn,
  metricLabel,
  metricTitle,
} from '../../src/results/metricInfo.ts';
import { smallRun } from './smallRun.ts';

describe('metric table', () => {
  it('has a label and a unit for every horizon total', () => {
    for (const m of TOTAL_METRICS) {
      expect(METRIC_INFO[m].label, m).toMatch(/^\S/);
      expect(['count', 'pounds'], m).toContain(METRIC_INFO[m].unit);
    }
  });

  it('marks money with (£) in menus and capitalises headings, from the same words', () => {
    expect(metricLabel('missedRecovery')).toBe(`${METRIC_INFO.missedRecovery.label} (£)`);
    expect(metricLabel('unexaminedSuspects')).toBe(METRIC_INFO.unexaminedSuspects.label);
    expect(metricTitle('unexaminedSuspects')).toBe('Suspects not examined for assets');
    for (const m of TOTAL_METRICS) expect(METRIC_LABELS[m]).toBe(metricLabel(m));
  });

  it('heads table columns with the short name where there is one, else the label', () => {
    expect(metricColumn('unexaminedSuspects')).toBe('Suspects not examined');
    expect(metricColumn('missedRecovery')).toBe('Recovery missed (£)');
    expect(metricColumn('missedForceIncome')).toBe('ARIS income foregone (£)');
    expect(metricColumn('suspectsArrived')).toBe('Suspects arriving');
    for (const m of TOTAL_METRICS) {
      const { column } = METRIC_INFO[m];
      if (column) expect(column.length, m).toBeLessThan(METRIC_INFO[m].label.length);
    }
  });

  it('names and formats the headlines as the table says', () => {
    const { summary, scenario } = smallRun();
    const totals = headlines(summary, scenario).filter((h) => h.metric in METRIC_INFO);
    expect(totals.length).toBeGreaterThanOrEqual(3);
    for (const h of totals) {
      const m = h.metric as TotalMetric;
      expect(h.label).toBe(metricTitle(m));
      expect(h.unit).toBe(METRIC_INFO[m].unit);
    }
  });
});
