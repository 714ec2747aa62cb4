import { describe, expect, it } from 'vitest';
import { drawDemand, MonthDemand } from '../../src/engine/demand.ts';
import { compileModel } from '../../src/engine/model.ts';
import { streamRng } from '../../src/engine/random/rng.ts';
import { StreamState } from '../../src/engine/streamState.ts';
import { Items, MonthOutcome, WorkQueue } from '../../src/engine/workQueue.ts';
import { oneUnit, suspects } from './fixtures.ts';

/** A unit of one person with 100 hours a month, facing `demand`. */
const unitFacing = (...demand: Parameters<typeof oneUnit>[0]['demand']) =>
  compileModel(oneUnit({ people: 1, hoursPerMonth: 100, demand }));

describe('drawDemand', () => {
  const model = unitFacing(
    suspects('arrests', {
      casesPerMonth: 3,
      itemsPerCase: 2,
      hoursPerItem: 5,
      assetProbability: 1,
      assetValue: 40,
      windowMonths: 2,
    }),
    { ...suspects('products', { casesPerMonth: 4, hoursPerItem: 2.5 }), kind: 'products' },
  );

  it('adds each stream’s items to the items, the queue and the month’s sums, carrying the sums on', () => {
    const items = new Items();
    const queue = new WorkQueue();
    const out = new MonthDemand();
    const [arrests, products] = model.streams;
    drawDemand(model, arrests!, streamRng('a'), 7, queue, items, out, new StreamState(arrests!));
    expect(out).toMatchObject({ suspects: 6, products: 0, hours: 30, assetHolders: 6 });
    drawDemand(model, products!, streamRng('b'), 7, queue, items, out, new StreamState(products!));
    expect(out).toMatchObject({ suspects: 6, products: 4, hours: 40, assetHolders: 6 });
    expect(items.count).toBe(10);
    expect(Array.from(items.value.subarray(0, 10))).toEqual([40, 40, 40, 40, 40, 40, 0, 0, 0, 0]);
    // Month 7 plus a window of 2: suspects are lost after month 9 (kind bit 1).
    expect(items.lastMonthAndKind[0]).toBe(9 * 2 + 1);
    // Everything it queued is worked, first in first out, in the 40 hours it needs.
    const worked = new MonthOutcome();
    queue.work(7, 40, false, items, worked);
    expect(worked).toMatchObject({ suspectsExamined: 6, productsDelivered: 4, hoursWorked: 40 });
    out.clear();
    expect(out).toMatchObject({ suspects: 0, products: 0, hours: 0, assetHolders: 0 });
  });

  it('keeps every item when the items outgrow their arrays mid-month', () => {
    const busy = unitFacing(
      suspects('arrests', {
        casesPerMonth: 1500,
        itemsPerCase: 1,
        hoursPerItem: 3,
        assetProbability: 1,
        assetValue: 40,
        windowMonths: 1,
      }),
    );
    const items = new Items();
    const room = items.remaining.length;
    const queue = new WorkQueue();
    const out = new MonthDemand();
    const state = new StreamState(busy.streams[0]!);
    drawDemand(busy, busy.streams[0]!, streamRng('c'), 2, queue, items, out, state);
    drawDemand(busy, busy.streams[0]!, streamRng('d'), 3, queue, items, out, state);
    expect(room).toBeLessThan(3000);
    expect(items.count).toBe(3000);
    const held = (array: ArrayLike<number>) => new Set(Array.from(array).slice(0, 3000));
    expect(held(items.remaining)).toEqual(new Set([3]));
    expect(held(items.value)).toEqual(new Set([40]));
    expect(Array.from(items.lastMonthAndKind.subarray(1498, 1502))).toEqual([7, 7, 9, 9]);
    // Every item is queued once: working them all takes all their hours.
    const worked = new MonthOutcome();
    queue.work(3, 9000, false, items, worked);
    expect(worked).toMatchObject({ suspectsExamined: 3000, hoursWorked: 9000 });
  });
});
