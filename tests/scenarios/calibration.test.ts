import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run.ts';
import { loadBuiltIn } from '../../src/files/builtInScenarios.ts';
import { againstRecord } from '../../src/results/againstRecord.ts';
import { PLAUSIBLE_FORCE_SHARE } from '../../src/results/nationalRecord.ts';

/**
 * The MPS built-ins against the published record, as docs/calibration.md sets them out. The
 * bounds are the record's, not the files' current values, so a recalibration that stays within
 * the record passes. Forty replications put each mean within about 0.5% of its long-run value.
 */
const REPLICATIONS = 40;

function run(id: string) {
  const scenario = loadBuiltIn(id);
  return {
    scenario,
    summary: runScenario(scenario, { seed: 'calibration', replications: REPLICATIONS }).summary(),
  };
}

describe('the MPS built-ins against the published record', () => {
  const force = run('mps-financial-investigators');
  const hub = run('mps-organised-crime-hub');

  it('examine 10–25% of the force’s drug-supply suspects, as the inspection’s 4 of 30 implies', () => {
    const drug = force.summary.byStream['mps']!['drug-supply']!;
    const share = drug.suspectsExamined.mean / drug.suspectsArrived.mean;
    expect(share).toBeGreaterThanOrEqual(0.1);
    expect(share).toBeLessThanOrEqual(0.25);
    // The inspection's figure, published in the file: at most 4 suspects of a case are worked.
    expect(force.scenario.units[0]!.demand[0]!.maxExaminedPerCase).toBe(4);
  });

  it('claim no more of the national money than one force plausibly produces', () => {
    for (const { summary } of [force, hub]) {
      const record = againstRecord(summary)!;
      expect(record.warning).toBeUndefined();
      for (const share of [record.receiptsShare, record.ordersShare, record.orderValueShare]) {
        expect(share).toBeGreaterThan(0);
        expect(share).toBeLessThan(PLAUSIBLE_FORCE_SHARE);
      }
    }
  });

  it('give the hub the force’s demand per post and values, and a part of its missed money', () => {
    const [forceUnit] = force.scenario.units;
    const [hubUnit] = hub.scenario.units;
    const perPost = hubUnit!.staff[0]!.establishment / forceUnit!.staff[0]!.establishment;
    expect(hubUnit!.demand.length).toBe(forceUnit!.demand.length);
    for (const stream of hubUnit!.demand) {
      const same = forceUnit!.demand.find((d) => d.name === stream.name);
      expect(same, stream.name).toBeDefined();
      const { casesPerMonth: own, id: _a, ...values } = stream;
      const { casesPerMonth: forces, id: _b, ...forceValues } = same!;
      expect(values).toEqual(forceValues);
      const mean = (d: typeof own) => (typeof d === 'number' ? d : (d as { mean: number }).mean);
      expect(mean(own)).toBeCloseTo(mean(forces) * perPost, 2);
    }
    expect(hub.scenario.finance).toEqual(force.scenario.finance);
    expect(hub.summary.totals.missedRecovery.mean).toBeLessThan(
      force.summary.totals.missedRecovery.mean,
    );
  });
});
