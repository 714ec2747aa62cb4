import { describe, expect, it } from 'vitest';
import { drawDemand, MonthDemand } from '../../src/engine/demand.ts';
import { compileModel } from '../../src/engine/model.ts';
import { streamRng } from '../../src/engine/random/rng.ts';
import { StreamState } from '../../src/engine/streamState.ts';
import { Items, MonthOutcome, WorkQueue } from '../../src/engine/workQueue.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import { buildScenario, oneUnit, suspects } from './fixtures.ts';
import { one, perReplication } from './oneReplication.ts';

describe('a case limit (maxExaminedPerCase)', () => {
  // One case of 30 suspects a month, each needing 1 hour and holding £1,000; 100 hours a month.
  const limited = (k: number | undefined, triage: 'fifo' | 'value' = 'fifo') =>
    oneUnit({
      people: 1,
      hoursPerMonth: 100,
      triage,
      demand: [
        suspects('drugs', {
          casesPerMonth: 1,
          itemsPerCase: 30,
          hoursPerItem: 1,
          assetProbability: 1,
          assetValue: 1000,
          maxExaminedPerCase: k,
        }),
      ],
    });

  it('works the top 4 of 30 and leaves the other 26 unexamined in the month they arrive', () => {
    const { total, series } = one(limited(4));
    expect(total('suspectsArrived')).toBe(360);
    expect(total('suspectsExamined')).toBe(48);
    expect(total('unexaminedSuspects')).toBe(312);
    expect(total('backlogSuspects')).toBe(0);
    expect(total('suspectsWithAssets')).toBe(360);
    expect(total('suspectsWithAssetsExamined')).toBe(48);
    // Their hours are still demand: the limit is what the unit does with it, not less of it.
    expect(total('demandHours')).toBe(360);
    expect(total('hoursWorked')).toBe(48);
    expect(total('assetsNotInvestigated')).toBe(312_000);
    expect(total('missedRecovery')).toBe(156_000);
    expect(total('recovered')).toBe(24_000);
    expect(series('unexaminedSuspects')).toEqual(Array(12).fill(26));
    expect(series('suspectsExamined')).toEqual(Array(12).fill(4));
  });

  it('changes nothing when no case is larger than the limit', () => {
    for (const name of ['suspectsExamined', 'unexaminedSuspects', 'recovered', 'hoursWorked']) {
      expect(perReplication(limited(30, 'value'), name, 5)).toEqual(
        perReplication(limited(undefined, 'value'), name, 5),
      );
    }
  });

  it('under value triage keeps the suspects of each case first in triage order', () => {
    // Perfect triage, values spread out: the 3 kept of each case of 10 are its 3 most valuable.
    const scenario = oneUnit({
      people: 10,
      hoursPerMonth: 100,
      triage: 'value',
      triageAccuracy: 1,
      demand: [
        suspects('drugs', {
          casesPerMonth: 20,
          itemsPerCase: 10,
          hoursPerItem: 1,
          assetProbability: 1,
          assetValue: { dist: 'uniform', min: 100, max: 100_000 },
          maxExaminedPerCase: 3,
        }),
      ],
    });
    const model = compileModel(scenario);
    const stream = model.streams[0]!;
    const items = new Items();
    const queue = new WorkQueue();
    const demand = new MonthDemand();
    drawDemand(model, stream, streamRng('cases'), 0, queue, items, demand, new StreamState(stream));
    expect(items.count).toBe(200);
    expect(demand.suspects).toBe(200);
    expect(demand.unexaminedAtArrival).toBe(140);
    let expectedKept = 0;
    let expectedCut = 0;
    for (let c = 0; c < 20; c++) {
      const values = Array.from(items.value.subarray(c * 10, c * 10 + 10)).sort((a, b) => b - a);
      expectedKept += values.slice(0, 3).reduce((a, b) => a + b, 0);
      expectedCut += values.slice(3).reduce((a, b) => a + b, 0);
    }
    expect(demand.assetsUnexaminedAtArrival).toBeCloseTo(expectedCut, 6);
    const worked = new MonthOutcome();
    queue.work(0, 1000, true, items, worked);
    expect(worked.suspectsExamined).toBe(60);
    expect(worked.assetsExamined).toBeCloseTo(expectedKept, 6);
  });

  it('under first in, first out keeps the first k drawn of each case', () => {
    const scenario = oneUnit({
      people: 1,
      hoursPerMonth: 100,
      demand: [
        suspects('drugs', {
          casesPerMonth: 1,
          itemsPerCase: 30,
          hoursPerItem: { dist: 'uniform', min: 1, max: 9 },
          windowMonths: 1,
          maxExaminedPerCase: 4,
        }),
      ],
    });
    const model = compileModel(scenario);
    const stream = model.streams[0]!;
    const items = new Items();
    const queue = new WorkQueue();
    const demand = new MonthDemand();
    drawDemand(model, stream, streamRng('x'), 0, queue, items, demand, new StreamState(stream));
    // With no hours to work, what waits is the first four items drawn, each with all its hours.
    queue.work(0, 0, false, items, new MonthOutcome());
    expect(queue.backlogSuspects).toBe(4);
    const firstFour = Array.from(items.remaining.subarray(0, 4)).reduce((a, b) => a + b, 0);
    expect(queue.waitingHours(items)).toBe(firstFour);
    expect(demand.unexaminedAtArrival).toBe(26);
  });

  it('is refused on a products stream, naming the field', () => {
    const result = validateScenario({
      ...buildScenario({
        roles: [{ id: 'fi', name: 'FI' }],
        units: [
          {
            id: 'u',
            name: 'U',
            staff: [{ role: 'fi', establishment: 1, inPost: 1 }],
            demand: [],
          },
        ],
      }),
      units: [
        {
          id: 'u',
          name: 'U',
          staff: [{ role: 'fi', establishment: 1, inPost: 1 }],
          demand: [{ ...suspects('p'), kind: 'products', maxExaminedPerCase: 2 }],
        },
      ],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.path)).toEqual(['units[0].demand[0].maxExaminedPerCase']);
      expect(result.problems[0]!.message).toMatch(/suspects/);
    }
  });
});
