import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/engine/aggregate/runAggregate.ts';
import { againstRecord } from '../../src/results/againstRecord.ts';
import { NATIONAL_RECORD, PLAUSIBLE_FORCE_SHARE } from '../../src/results/nationalRecord.ts';

const stat = (mean: number) => ({ mean }) as never;

/** A four-year run with the given yearly receipts and horizon totals of orders. */
function summary(receipts: number[], orders: number, orderValue: number): Summary {
  return {
    horizonMonths: 48,
    totals: { suspectsArrived: stat(1000), ordersMade: stat(orders), orderValue: stat(orderValue) },
    yearly: { recovered: receipts.map(stat) },
  } as unknown as Summary;
}

describe('against the national record', () => {
  it('sets the last year’s receipts and the yearly orders beside the national totals', () => {
    const r = againstRecord(summary([1e6, 4e6, 8e6, 12.85e6], 4 * 320, 4 * 15.4e6))!;
    expect(r.receiptsPerYear).toBe(12.85e6);
    expect(r.receiptsShare).toBeCloseTo(0.1, 12);
    expect(r.ordersPerYear).toBe(320);
    expect(r.ordersShare).toBeCloseTo(320 / NATIONAL_RECORD.ordersMade.value, 12);
    expect(r.orderValueShare).toBeCloseTo(15.4e6 / 307.9e6, 12);
    expect(r.sentence).toMatch(/^Against the national record: about £12\.8m a year collected/);
    expect(r.sentence).toContain(
      '10% of confiscation receipts in England and Wales (£128.5m, year to March 2024)',
    );
    expect(r.warning).toBeUndefined();
  });

  it('warns, naming what and why, when one scenario claims more than a force plausibly could', () => {
    const receipts = (PLAUSIBLE_FORCE_SHARE + 0.01) * NATIONAL_RECORD.confiscationReceipts.value;
    const r = againstRecord(summary([0, 0, 0, receipts], 400, 4 * 10e6))!;
    expect(r.warning).toMatch(
      /^Check the demand, asset values and recovery funnel: the receipts of this one scenario are more than 20% of the national total/,
    );
    expect(r.warning).toContain("three times the Metropolitan Police's 7% share");
    const orders = againstRecord(summary([0, 0, 0, 1e6], 4 * 2000, 4 * 10e6))!;
    expect(orders.warning).toMatch(/the orders of this one scenario/);
  });

  it('says nothing for a scenario with no suspects', () => {
    const s = summary([0], 0, 0);
    (s.totals.suspectsArrived as { mean: number }).mean = 0;
    expect(againstRecord(s)).toBeUndefined();
  });
});

describe('against the national record, in words', () => {
  it('lists every share that is too large', () => {
    const r = againstRecord(summary([0, 0, 0, 60e6], 4 * 3000, 4 * 150e6))!;
    expect(r.warning).toMatch(/the receipts, orders and order value of this one scenario/);
  });
});
