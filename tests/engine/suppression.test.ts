import { describe, expect, it } from 'vitest';
import type { DemandStream } from '../../src/scenario/schema.ts';
import { oneUnit, suspects } from './fixtures.ts';
import { one, perReplication } from './oneReplication.ts';

/** Replications for the statistical checks. */
const R = 400;
/** Standard errors a mean may lie from its expectation. */
const K = 4;

describe('suppressed demand (suppression)', () => {
  // 10 hours a month against 20 one-hour suspects a month, none lost within the horizon.
  const behind = (suppression: Partial<DemandStream['suppression']> | undefined) =>
    oneUnit({
      people: 1,
      hoursPerMonth: 10,
      demand: [
        suspects('drugs', {
          casesPerMonth: 20,
          hoursPerItem: 1,
          assetProbability: 1,
          assetValue: 500,
          windowMonths: 12,
          suppression,
        }),
      ],
    });

  it('stops referrals in the months the queue is more than the threshold behind', () => {
    // Waiting hours at the start of each month: 0, 10, 20 (> 1 month of 10 hours: no cases),
    // 10, 20 (none), 10, … so months 2, 4, 6, 8 and 10 refer no case.
    const { total, series } = one(behind({ backlogMonths: 1, share: 1 }));
    expect(series('suspectsArrived')).toEqual([20, 20, 0, 20, 0, 20, 0, 20, 0, 20, 0, 20]);
    expect(series('suppressedSuspects')).toEqual([0, 0, 20, 0, 20, 0, 20, 0, 20, 0, 20, 0]);
    expect(total('suspectsArrived')).toBe(140);
    expect(total('suppressedSuspects')).toBe(100);
    expect(total('suppressedAssets')).toBe(50_000);
    expect(total('suspectsExamined')).toBe(120);
    expect(total('unexaminedSuspects')).toBe(0);
    expect(total('backlogSuspects')).toBe(20);
    // Suppressed suspects are no demand: neither their hours nor their assets are counted.
    expect(total('demandHours')).toBe(140);
    expect(total('suspectsWithAssets')).toBe(140);
    expect(total('assetsNotInvestigated')).toBe(0);
  });

  it('counts a queue exactly at the threshold as not behind', () => {
    // With 2 months, waiting hours 0, 10, 20, 30 (> 20), 20, 30, …: months 3, 5, 7, … refer none.
    const { series } = one(behind({ backlogMonths: 2, share: 1 }));
    expect(series('suppressedSuspects')).toEqual([0, 0, 0, 20, 0, 20, 0, 20, 0, 20, 0, 20]);
  });

  it('with a share of 0, or none set, refers every case and draws nothing of its own', () => {
    for (const name of ['suspectsArrived', 'suspectsExamined', 'backlogSuspects']) {
      const without = perReplication(behind(undefined), name, 3);
      expect(perReplication(behind({ backlogMonths: 0, share: 0 }), name, 3)).toEqual(without);
      expect(perReplication(behind({}), name, 3)).toEqual(without);
    }
    expect(perReplication(behind({}), 'suppressedSuspects', 3)).toEqual([0, 0, 0]);
  });

  it('leaves each case out with probability share while behind', () => {
    // Behind from month 1 on whatever happens (one hour a month against 20), so each of the
    // 20 × 11 cases of months 1 to 11 is left out with probability 0.3, each independently.
    const scenario = oneUnit({
      people: 1,
      hoursPerMonth: 1,
      replications: R,
      demand: [
        suspects('drugs', {
          casesPerMonth: 20,
          hoursPerItem: 1,
          windowMonths: 12,
          suppression: { backlogMonths: 0.5, share: 0.3 },
        }),
      ],
    });
    const suppressed = perReplication(scenario, 'suppressedSuspects', R);
    const n = 20 * 11;
    const mean = suppressed.reduce((a, b) => a + b, 0) / R;
    const se = Math.sqrt((n * 0.3 * 0.7) / R);
    expect(Math.abs(mean - n * 0.3)).toBeLessThan(K * se);
    const arrived = perReplication(scenario, 'suspectsArrived', R);
    // Every case drawn is either referred or not: 240 in all, in every replication.
    arrived.forEach((a, r) => expect(a + suppressed[r]!).toBe(240));
  });
});
