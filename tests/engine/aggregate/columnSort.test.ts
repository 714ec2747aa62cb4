import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnSort, floatKey } from '../../../src/engine/aggregate/columnSort.ts';
import { runToEnd, STEP_VALUES } from '../../../src/engine/aggregate/steps.ts';

/** Sorts `values` (rounded to single precision) with ColumnSort, counting its steps. */
function columnSorted(values: ArrayLike<number>): { sorted: Float32Array; steps: number } {
  const floats = Float32Array.from(values);
  const bits = new Uint32Array(floats.buffer);
  const sorter = new ColumnSort();
  sorter.reserve(floats.length);
  for (let i = 0; i < floats.length; i++) sorter.keys[i] = floatKey(bits[i]!);
  const steps = sorter.sort(floats.length);
  let count = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { sorted: Float32Array.from(next.value), steps: count };
    count++;
  }
}

const bitsOf = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

describe('ColumnSort', () => {
  it('sorts single-precision values exactly as the numeric sort does, signed zeros and infinities included', () => {
    const value = fc.oneof(
      fc.float({ noNaN: true }),
      fc.constantFrom(0, -0, Infinity, -Infinity, 1e-45, -1e-45, 3.4e38),
      fc.integer({ min: -5, max: 5 }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 2000, size: 'max' }), (values) => {
        const expected = Float32Array.from(values).sort();
        expect(bitsOf(columnSorted(values).sorted)).toEqual(bitsOf(expected));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('works in steps of at most STEP_VALUES values: a count, four digit passes and a decode', () => {
    const n = 3 * STEP_VALUES + 5;
    const values = Array.from({ length: n }, (_, i) => Math.sin(i) * 1e6);
    const { sorted, steps } = columnSorted(values);
    expect(steps).toBe(6 * Math.ceil(n / STEP_VALUES));
    expect(bitsOf(sorted)).toEqual(bitsOf(Float32Array.from(values).sort()));
  });

  it('can be used again for a shorter column', () => {
    const sorter = new ColumnSort();
    sorter.reserve(10);
    for (let i = 0; i < 10; i++)
      sorter.keys[i] = floatKey(new Uint32Array(Float32Array.of(10 - i).buffer)[0]!);
    expect(Array.from(runToEnd(sorter.sort(10)))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    sorter.reserve(3);
    sorter.keys.set([floatKey(0x40400000), floatKey(0xbf800000), floatKey(0)]);
    expect(Array.from(runToEnd(sorter.sort(3)))).toEqual([-1, 0, 3]);
  });
});

describe('ColumnSort.reserve', () => {
  it('grows at least twofold, so a run whose replications keep arriving reallocates rarely', () => {
    const sorter = new ColumnSort();
    sorter.reserve(1000);
    expect(sorter.keys.length).toBe(1000);
    sorter.reserve(1001);
    expect(sorter.keys.length).toBe(2000);
    sorter.reserve(1500);
    expect(sorter.keys.length).toBe(2000);
  });
});
