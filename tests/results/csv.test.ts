import { describe, expect, it } from 'vitest';
import { resultsCsv } from '../../src/results/csv.ts';
import { smallRun } from './smallRun.ts';

describe('resultsCsv', () => {
  const { summary } = smallRun(10);

  it('starts with the run identity and has one row per total, monthly and yearly cell', () => {
    const csv = resultsCsv(summary, { scenarioName: 'MPS', seed: 's1', version: '0.1.0' });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines.slice(0, 4)).toEqual([
      'Scenario,MPS',
      'Seed,s1',
      'Replications,10',
      'Shortfall version,0.1.0',
    ]);
    expect(lines).toContain('section,metric,period,mean,se,p05,p25,p50,p75,p95');
    expect(lines.filter((l) => l.startsWith('monthly,unexaminedSuspects,'))).toHaveLength(12);
    expect(lines.filter((l) => l.startsWith('yearly,missedRecovery,'))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('end of horizon,inPost.fi,end,'))).toBe(true);
  });

  it('has a row for each unit’s and each stream’s breakdown', () => {
    const lines = resultsCsv(summary, { scenarioName: 'MPS', seed: 's', version: '1' }).split(
      '\r\n',
    );
    const recovered = lines.find((l) => l.startsWith('by unit,mps.recovered,horizon,'))!;
    expect(Number(recovered.split(',')[3])).toBe(summary.totals.recovered.mean);
    expect(lines.filter((l) => l.startsWith('by stream,mps.'))).toHaveLength(3 * 8);
  });

  it('cannot carry a formula in from a scenario name', () => {
    const csv = resultsCsv(summary, { scenarioName: '=HYPERLINK("x")', seed: '+1', version: '1' });
    expect(csv).toContain(`Scenario,"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(`Seed,'+1`);
  });
});
