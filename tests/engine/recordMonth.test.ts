import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/model.ts';
import { recordHorizon, recordMonth } from '../../src/engine/recordMonth.ts';
import { Workspace } from '../../src/engine/replicate.ts';
import { buildScenario, GOLDEN_SCENARIO } from './fixtures.ts';

/**
 * The golden scenario has two roles (fi, an), three staff groups (north fi, north an, south fi)
 * and two queues (the pooled fi queue and the an queue), so sums over groups and queues show.
 */
function setUp() {
  const model = compileModel(buildScenario({ ...GOLDEN_SCENARIO, horizonMonths: 3 }));
  const { layout } = model;
  const H = layout.horizonMonths;
  const ws = new Workspace(model);
  const totals = new Float64Array(layout.totalNames.length);
  const monthly = new Float64Array(layout.monthlyNames.length * H);
  const total = (name: string) => totals[layout.totalNames.indexOf(name)]!;
  const series = (name: string) => {
    const s = layout.monthlyNames.indexOf(name);
    return Array.from(monthly.subarray(s * H, (s + 1) * H));
  };
  /** A month's end state with every number distinct, scaled by `k`. */
  const monthEnd = (k: number) => {
    ws.staff.forEach((s, g) => {
      s.inPost = k * (g + 1);
      s.inTraining = k * (g + 10);
    });
    ws.capacity.set([100 * k, 40 * k]);
    ws.queues.forEach((q, i) => {
      q.backlogSuspects = k * (i + 2);
      q.backlogProducts = k * (i + 5);
    });
    Object.assign(ws.demand, { suspects: 7 * k, products: 3 * k, hours: 90 * k, assetHolders: k });
    Object.assign(ws.outcome, {
      suspectsExamined: 4 * k,
      suspectsWithAssetsExamined: k,
      assetsExamined: 1000 * k,
      unexaminedSuspects: 2 * k,
      assetsLost: 500 * k,
      productsDelivered: 2 * k,
      undeliveredProducts: k,
      hoursWorked: 120 * k,
    });
    return ws;
  };
  return { model, H, totals, monthly, total, series, monthEnd };
}

describe('recordMonth', () => {
  it("writes a month's series at its month, staff summed over the groups of each role", () => {
    const { model, totals, monthly, series, monthEnd } = setUp();
    recordMonth(model, monthEnd(1), 1, totals, monthly);
    expect(series('suspectsArrived')).toEqual([0, 7, 0]);
    expect(series('suspectsExamined')).toEqual([0, 4, 0]);
    expect(series('unexaminedSuspects')).toEqual([0, 2, 0]);
    expect(series('backlogSuspects')).toEqual([0, 2 + 3, 0]);
    expect(series('productsArrived')).toEqual([0, 3, 0]);
    expect(series('undeliveredProducts')).toEqual([0, 1, 0]);
    expect(series('backlogProducts')).toEqual([0, 5 + 6, 0]);
    expect(series('demandHours')).toEqual([0, 90, 0]);
    expect(series('capacityHours')).toEqual([0, 140, 0]);
    // Groups 0 and 2 are fi, group 1 is an.
    expect(series('inPost.fi')).toEqual([0, 1 + 3, 0]);
    expect(series('inPost.an')).toEqual([0, 2, 0]);
    expect(series('inTraining.fi')).toEqual([0, 10 + 12, 0]);
    expect(series('inTraining.an')).toEqual([0, 11, 0]);
  });

  it('adds flows over the months and keeps the backlogs of the last month only', () => {
    const { model, totals, monthly, total, monthEnd } = setUp();
    recordMonth(model, monthEnd(1), 0, totals, monthly);
    recordMonth(model, monthEnd(2), 1, totals, monthly);
    expect(total('backlogSuspects')).toBe(0);
    expect(total('backlogProducts')).toBe(0);
    recordMonth(model, monthEnd(4), 2, totals, monthly);
    expect(total('suspectsArrived')).toBe(7 * 7);
    expect(total('suspectsExamined')).toBe(4 * 7);
    expect(total('unexaminedSuspects')).toBe(2 * 7);
    expect(total('suspectsWithAssets')).toBe(7);
    expect(total('suspectsWithAssetsExamined')).toBe(7);
    expect(total('demandHours')).toBe(90 * 7);
    expect(total('capacityHours')).toBe(140 * 7);
    expect(total('hoursWorked')).toBe(120 * 7);
    expect(total('assetsNotInvestigated')).toBe(500 * 7);
    expect(total('productsArrived')).toBe(3 * 7);
    expect(total('productsDelivered')).toBe(2 * 7);
    expect(total('undeliveredProducts')).toBe(7);
    expect(total('backlogSuspects')).toBe(4 * (2 + 3));
    expect(total('backlogProducts')).toBe(4 * (5 + 6));
  });
});

describe('recordHorizon', () => {
  it("gives the force its share of the funnel's receipts and takes each role's staff from the last month", () => {
    const { model, totals, monthly, total, monthEnd } = setUp();
    for (const [t, k] of [1, 2, 4].entries()) recordMonth(model, monthEnd(k), t, totals, monthly);
    // What the funnel (funnel.ts) would have written.
    const set = (name: string, x: number) => (totals[model.layout.totalNames.indexOf(name)] = x);
    set('recovered', 3000);
    set('missedRecovery', 1500);
    recordHorizon(model, totals, monthly);
    const { forceShare } = model;
    expect(total('recovered')).toBe(3000);
    expect(total('forceIncome')).toBe(3000 * forceShare);
    expect(total('missedRecovery')).toBe(1500);
    expect(total('missedForceIncome')).toBe(1500 * forceShare);
    expect(total('inPost.fi')).toBe(4 * (1 + 3));
    expect(total('inPost.an')).toBe(4 * 2);
    expect(total('inTraining.fi')).toBe(4 * (10 + 12));
    expect(total('inTraining.an')).toBe(4 * 11);
  });
});
