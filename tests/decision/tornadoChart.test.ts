import { describe, expect, it } from 'vitest';
import type { Tornado, TornadoRow } from '../../src/decision/tornado.ts';
import { niceDomain, tornadoChartSpec } from '../../src/decision/tornadoChart.ts';

const row = (over: Partial<TornadoRow>): TornadoRow => ({
  id: 'casesPerMonth',
  label: 'Cases per month',
  unit: 'cases',
  lowSetting: '8',
  highSetting: '12',
  lowMean: 24,
  highMean: 72,
  swing: 48,
  halfWidth: 0,
  replications: 50,
  settled: true,
  ...over,
});

const known: Tornado = {
  metric: 'unexaminedSuspects',
  seed: 's',
  swing: 'relative',
  swingLabel: '±20% of each input',
  relativeChange: 0.2,
  noRange: [],
  replications: 50,
  baseMean: 48,
  baseReplications: 50,
  confidence: 0.95,
  tolerance: 0.1,
  sequential: false,
  totalReplications: 350,
  rows: [
    row({}),
    row({
      id: 'hoursPerItem',
      label: 'Hours per suspect',
      unit: 'hours',
      lowSetting: '20',
      highSetting: '30',
      lowMean: 36,
      highMean: 60,
      swing: 24,
      halfWidth: 0,
      replications: 50,
      settled: true,
    }),
  ],
};

describe('tornadoChartSpec', () => {
  it('keeps the rows in order, each from its low mean to its high mean about the base', () => {
    const spec = tornadoChartSpec(known);
    expect(spec.rows.map((r) => [r.label, r.lowMean, r.highMean])).toEqual([
      ['Cases per month', 24, 72],
      ['Hours per suspect', 36, 60],
    ]);
    expect(spec.base).toEqual({ value: 48, label: 'base 48' });
    expect(spec.rows[0]!.value).toBe('swing 48');
    expect(spec.rows[0]!.note).toBe('low 8, high 12');
    expect(spec.notRun).toEqual([]);
  });

  it('spans every mean and the base on whole ticks', () => {
    expect(tornadoChartSpec(known).xDomain).toEqual([20, 75]);
  });

  it('states the finding as its title and names the metric in the axis and table', () => {
    const spec = tornadoChartSpec(known);
    expect(spec.title).toBe(
      'Cases per month moves the mean suspects not examined for assets most: from 24 to 72 (base 48).',
    );
    expect(spec.xLabel).toBe('Mean suspects not examined for assets over the horizon');
    expect(spec.table.caption).toBe(
      'One-at-a-time sensitivity, ±20% of each input: mean suspects not examined for assets, 50 replications, seed "s"',
    );
    expect(spec.table.rows).toEqual([
      ['Cases per month (cases)', '8', '12', '24', '72', '48'],
      ['Hours per suspect (hours)', '20', '30', '36', '60', '24'],
    ]);
    expect(spec.table.columns).toHaveLength(spec.table.rows[0]!.length);
  });

  it('says in the row and the table which setting was not run, and why', () => {
    const reason = 'units[0].demand[0].casesPerMonth: more than a run can hold.';
    const spec = tornadoChartSpec({
      ...known,
      rows: [row({ highMean: 48, swing: 24, notRun: { high: reason } })],
    });
    expect(spec.rows[0]!.note).toBe('low 8, high 12; high setting not run');
    expect(spec.notRun).toEqual([`Cases per month: high setting not run: ${reason}`]);
    expect(spec.table.rows[0]!.slice(1, 3)).toEqual(['8', `12 (not run: ${reason})`]);
  });

  it('names the assumptions’ percentiles and medians when the rows are uncertain ranges', () => {
    const path = 'units[0].demand[0].casesPerMonth.mean';
    const spec = tornadoChartSpec({
      ...known,
      swing: 'ranges',
      swingLabel:
        'each uncertain assumption across its own 5th–95th percentile, the others at their medians',
      relativeChange: undefined,
      rows: [
        row({
          id: path,
          label: 'Unit, Drug supply: Cases per month (average)',
          unit: '',
          lowSetting: '31 (5th percentile)',
          highSetting: '49 (95th percentile)',
          lowValue: 31,
          median: 40,
          highValue: 49,
        }),
      ],
    });
    expect(spec.title).toBe(
      'Unit, Drug supply: Cases per month (average) moves the mean suspects not examined for assets most across its range: from 24 to 72 (base 48).',
    );
    expect(spec.rows[0]!.note).toBe('');
    expect(spec.rows[0]!.detail).toBe(
      'from 31 (5th percentile) to 49 (95th percentile); median 40',
    );
    expect(spec.legend).toEqual({
      low: 'assumption at its 5th percentile',
      high: 'assumption at its 95th percentile',
    });
    expect(spec.description).toContain('every uncertain assumption at its median');
    expect(spec.table.caption).toMatch(
      /^One-at-a-time sensitivity, uncertain assumptions across their ranges: /,
    );
    expect(spec.table.columns).toEqual([
      'Uncertain assumption',
      'Low setting',
      'High setting',
      'Median',
      'Mean at low',
      'Mean at high',
      'Swing',
    ]);
    expect(spec.table.rows[0]).toEqual([
      'Unit, Drug supply: Cases per month (average)',
      '31 (5th percentile)',
      '49 (95th percentile)',
      '40',
      '24',
      '72',
      '48',
    ]);
  });

  it('has an id for the export file that names the metric', () => {
    expect(tornadoChartSpec(known).id).toBe('tornado-unexaminedSuspects');
  });
});

describe('niceDomain', () => {
  it('widens a single value so the scale is not flat', () => {
    const [lo, hi] = niceDomain([50, 50]);
    expect(lo).toBeLessThan(50);
    expect(hi).toBeGreaterThan(50);
  });

  it('falls back to 0 to 1 with nothing finite to show', () => {
    expect(niceDomain([Number.NaN])).toEqual([0, 1]);
  });
});
