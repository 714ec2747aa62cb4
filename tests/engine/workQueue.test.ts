import { describe, expect, it } from 'vitest';
import { Items, MAX_ITEMS, MonthOutcome, rankOf, WorkQueue } from '../../src/engine/workQueue.ts';

function seqOf(rank: number): number {
  return rank - Math.floor(rank * 2 ** -22) * MAX_ITEMS;
}

describe('rankOf', () => {
  it('keeps the item number recoverable for every key, clamped ones included', () => {
    for (const key of [-1e9, -128, -127.5, -3, 0, 2.25, 127.9, 128, 1e9])
      for (const seq of [0, 1, 3, 12_345, MAX_ITEMS - 1]) {
        const rank = rankOf(key, seq);
        expect(Number.isSafeInteger(rank)).toBe(true);
        expect(seqOf(rank)).toBe(seq);
      }
  });

  it('orders higher keys first and equal keys by arrival', () => {
    expect(rankOf(2, 50)).toBeLessThan(rankOf(1, 1));
    expect(rankOf(1, 1)).toBeLessThan(rankOf(1, 2));
    expect(rankOf(-200, 0)).toBeGreaterThan(rankOf(-100, 5));
  });
});

describe('WorkQueue', () => {
  it('works items in rank order, keeps partial progress and loses expired items', () => {
    const items = new Items();
    const queue = new WorkQueue();
    const out = new MonthOutcome();
    // Month 0: a 5-hour suspect worth 100 with the higher key, and a 5-hour product; 7 hours.
    queue.arrive(rankOf(1, items.add(1, 5, 100, true)));
    queue.arrive(rankOf(0, items.add(0, 5, 0, false)));
    queue.work(0, 7, true, items, out);
    expect(out.suspectsExamined).toBe(1);
    expect(out.assetsExamined).toBe(100);
    expect(out.undeliveredProducts).toBe(1);
    expect(out.hoursWorked).toBe(7);
    // Month 0 again with a suspect that keeps 3 of its 5 hours after 2 are worked.
    out.clear();
    queue.arrive(rankOf(0, items.add(1, 5, 40, true)));
    queue.work(0, 2, true, items, out);
    expect(queue.backlogSuspects).toBe(1);
    expect(items.remaining[2]).toBe(3);
    out.clear();
    queue.work(1, 3, true, items, out);
    expect(out.suspectsExamined).toBe(1);
    expect(out.suspectsWithAssetsExamined).toBe(1);
    expect(queue.backlogSuspects).toBe(0);
  });
});

describe('WorkQueue with items needing no hours', () => {
  it('finishes them when no hours are left, up to the first item that cannot be finished', () => {
    const items = new Items();
    const queue = new WorkQueue();
    const out = new MonthOutcome();
    // In triage order: a 4-hour product, two 0-hour products, a 3-hour product, a 0-hour
    // suspect. Four hours finish the first three; the 3-hour one cannot be finished, so the
    // 0-hour suspect behind it waits.
    queue.arrive(rankOf(5, items.add(1, 4, 0, false)));
    queue.arrive(rankOf(4, items.add(1, 0, 0, false)));
    queue.arrive(rankOf(3, items.add(1, 0, 0, false)));
    queue.arrive(rankOf(2, items.add(1, 3, 0, false)));
    queue.arrive(rankOf(1, items.add(1, 0, 7, true)));
    queue.work(0, 4, true, items, out);
    expect(out.productsDelivered).toBe(3);
    expect(out.suspectsExamined).toBe(0);
    expect(out.hoursWorked).toBe(4);
    expect(queue.backlogProducts).toBe(1);
    expect(queue.backlogSuspects).toBe(1);
    // A month with no hours at all: the 3-hour product still blocks the 0-hour suspect.
    out.clear();
    queue.work(0, 0, true, items, out);
    expect(out.suspectsExamined).toBe(0);
    expect(queue.backlogSuspects).toBe(1);
  });

  it('finishes a 0-hour item at the head of the queue in a month with no hours', () => {
    const items = new Items();
    const queue = new WorkQueue();
    const out = new MonthOutcome();
    queue.arrive(rankOf(2, items.add(0, 0, 50, true)));
    queue.arrive(rankOf(1, items.add(0, 0, 0, false)));
    queue.arrive(rankOf(0, items.add(0, 1, 0, false)));
    queue.work(0, 0, true, items, out);
    expect(out.suspectsExamined).toBe(1);
    expect(out.suspectsWithAssetsExamined).toBe(1);
    expect(out.assetsExamined).toBe(50);
    expect(out.productsDelivered).toBe(1);
    expect(out.undeliveredProducts).toBe(1);
    expect(out.hoursWorked).toBe(0);
    expect(queue.backlogProducts + queue.backlogSuspects).toBe(0);
  });
});
