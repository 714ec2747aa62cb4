import { describe, expect, it } from 'vitest';
import { ExactSum } from '../../../src/engine/aggregate/exactSum.ts';
import { streamRng } from '../../../src/engine/random/rng.ts';

function shuffled(values: number[], seed: string): number[] {
  const rng = streamRng(seed);
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function sumOf(values: readonly number[]): number {
  const s = new ExactSum();
  for (const x of values) s.add(x);
  return s.value();
}

describe('ExactSum', () => {
  const rng = streamRng('exact-sum');
  const mixed = Array.from(
    { length: 2000 },
    () => (rng() - 0.3) * 10 ** Math.floor(rng() * 30 - 10),
  );

  it('gives the same bits whatever the order the values are added in', () => {
    const reference = sumOf(mixed);
    for (const seed of ['a', 'b', 'c', 'd']) expect(sumOf(shuffled(mixed, seed))).toBe(reference);
    expect(sumOf([...mixed].reverse())).toBe(reference);
  });

  it('is exact for whole numbers whose plain sum is exact', () => {
    const ints = Array.from({ length: 5000 }, () => Math.floor(rng() * 2 ** 40) - 2 ** 39);
    const sorted = [...ints].sort((a, b) => a - b);
    expect(sumOf(shuffled(ints, 'x'))).toBe(sorted.reduce((a, b) => a + b, 0));
  });

  it('keeps what naive summation loses', () => {
    expect(sumOf([1e100, 1, -1e100])).toBe(1);
    expect(sumOf(Array(10).fill(0.1))).toBe(1);
    expect(sumOf([2 ** 53, 1, 1])).toBe(2 ** 53 + 2);
  });

  it('merges partial sums into the same value as one sum', () => {
    const a = new ExactSum();
    const b = new ExactSum();
    mixed.forEach((x, i) => (i % 3 === 0 ? a : b).add(x));
    b.addAll(a);
    expect(b.value()).toBe(sumOf(mixed));
    expect(new ExactSum().value()).toBe(0);
  });
});
