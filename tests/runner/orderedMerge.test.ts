import { describe, expect, it } from 'vitest';
import { OrderedMerge } from '../../src/runner/orderedMerge.ts';

describe('OrderedMerge', () => {
  it.each<[string, number[], number[][]]>([
    ['in order: each released at once', [0, 1, 2], [[0], [1], [2]]],
    ['reversed: all held until the first', [2, 1, 0], [[], [], [0, 1, 2]]],
    ['a gap: held up to it, then released together', [0, 2, 3, 1], [[0], [], [], [1, 2, 3]]],
    ['two gaps', [1, 0, 3, 5, 2, 4], [[], [0, 1], [], [], [2, 3], [4, 5]]],
  ])('releases results in index order, %s', (_, order, expected) => {
    const merge = new OrderedMerge<string>(10);
    expect(order.map((i) => merge.put(i, `r${i}`))).toEqual(
      expected.map((batch) => batch.map((i) => `r${i}`)),
    );
    expect(merge.nextIndex).toBe(order.length);
    expect(merge.waiting).toBe(0);
  });

  it.each<[string, number[], number, number, boolean]>([
    ['nothing released: the first `ahead` indices may start', [], 3, 2, true],
    ['nothing released: index `ahead` may not', [], 3, 3, false],
    ['later results held do not move the limit', [1, 2], 3, 3, false],
    ['the limit moves with what is released', [0, 1], 3, 4, true],
    ['and no further', [0, 1], 3, 5, false],
  ])('says whether work may start: %s', (_, given, ahead, index, may) => {
    const merge = new OrderedMerge<number>(ahead);
    for (const i of given) merge.put(i, i);
    expect(merge.mayStart(index)).toBe(may);
  });

  it('counts the results held back', () => {
    const merge = new OrderedMerge<number>(8);
    merge.put(3, 3);
    merge.put(1, 1);
    expect(merge.waiting).toBe(2);
    expect(merge.nextIndex).toBe(0);
  });

  it.each([
    ['released', [0], 0],
    ['held', [2], 2],
  ])('refuses a result it was already given (%s)', (_, given, again) => {
    const merge = new OrderedMerge<number>(4);
    for (const i of given) merge.put(i, i);
    expect(() => merge.put(again, again)).toThrow(RangeError);
  });

  it('refuses a look-ahead below 1', () => {
    expect(() => new OrderedMerge(0)).toThrow(RangeError);
  });
});
