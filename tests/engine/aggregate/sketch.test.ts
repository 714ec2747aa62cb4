import { quantile } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { CellSketch, sketchKey } from '../../../src/engine/aggregate/sketch.ts';
import { PERCENTILES } from '../../../src/engine/aggregate/statistic.ts';
import { streamRng } from '../../../src/engine/random/rng.ts';

function sketchOf(values: readonly number[]): CellSketch {
  const s = new CellSketch();
  for (const x of values) s.add(x);
  return s;
}

function roundTrip(sketch: CellSketch): CellSketch {
  const out: number[] = [];
  sketch.encode(out);
  const into = new CellSketch();
  expect(CellSketch.decode(Float64Array.from(out), 0, into)).toBe(out.length);
  return into;
}

describe('CellSketch', () => {
  const rng = streamRng('sketch');
  const ints = Array.from({ length: 997 }, () => Math.floor(rng() * rng() * 500));

  it('gives exactly the percentiles d3.quantile gives for whole numbers', () => {
    const stat = sketchOf(ints).stat();
    for (const [name, p] of Object.entries(PERCENTILES))
      expect(stat[name as keyof typeof PERCENTILES]).toBe(quantile(ints, p));
    expect(stat.min).toBe(Math.min(...ints));
    expect(stat.max).toBe(Math.max(...ints));
    const mean = ints.reduce((a, b) => a + b, 0) / ints.length;
    expect(stat.mean).toBeCloseTo(mean, 10);
    const variance = ints.reduce((a, b) => a + (b - mean) ** 2, 0) / (ints.length - 1);
    expect(stat.sd).toBeCloseTo(Math.sqrt(variance), 8);
  });

  it('merges in any order, through its encoding, to the same statistics', () => {
    const parts = [ints.slice(0, 100), ints.slice(100, 101), ints.slice(101, 700), ints.slice(700)];
    const forward = new CellSketch();
    for (const p of parts) forward.merge(roundTrip(sketchOf(p)));
    const backward = new CellSketch();
    for (const p of [...parts].reverse()) backward.merge(roundTrip(sketchOf(p)));
    expect(forward.stat()).toEqual(sketchOf(ints).stat());
    expect(backward.stat()).toEqual(forward.stat());
  });

  it('keeps other values to four significant figures, so percentiles are within 0.05%', () => {
    const pounds = Array.from({ length: 500 }, () => Math.exp(8 + 2 * rng()) + rng());
    const stat = sketchOf(pounds).stat();
    for (const [name, p] of Object.entries(PERCENTILES)) {
      const exact = quantile(pounds, p)!;
      expect(Math.abs(stat[name as keyof typeof PERCENTILES] - exact)).toBeLessThanOrEqual(
        exact * 5e-4,
      );
    }
    expect(sketchKey(123_456.7)).toBe(123_500);
    expect(sketchKey(0.012345)).toBeCloseTo(0.01235, 12);
    expect(sketchKey(42)).toBe(42);
  });

  it('gives d3.quantile percentiles for one, two or a few replications', () => {
    for (const values of [[7], [3, 1], [2, 9, 4], [5, 5, 1, 8, 8]]) {
      const stat = sketchOf(values).stat();
      for (const [name, p] of Object.entries(PERCENTILES))
        expect(stat[name as keyof typeof PERCENTILES]).toBe(quantile(values, p));
    }
  });

  it('keeps its values in order as new ones arrive between Stats', () => {
    const growing = new CellSketch();
    const seen: number[] = [];
    // Each round brings values below, between and above those already in.
    for (let round = 0; round < 6; round++) {
      const batch = ints.slice(round * 150, round * 150 + 150).map((x) => (x * (round + 1)) % 700);
      for (const x of batch) growing.add(x);
      seen.push(...batch);
      const stat = growing.stat();
      for (const [name, p] of Object.entries(PERCENTILES))
        expect(stat[name as keyof typeof PERCENTILES]).toBe(quantile(seen, p));
    }
    expect(growing.distinct).toBe(new Set(seen).size);
  });

  it('holds many thousands of distinct values, counted in any order and merged', () => {
    // Enough to double its room many times over, and values that share all but a few bits.
    const many = Array.from({ length: 20_000 }, (_, i) => (i % 7_919) * 1_048_576 + (i % 3));
    const shuffled = [...many].sort(
      (a, b) => ((a * 2_654_435_761) % 97) - ((b * 2_654_435_761) % 97),
    );
    const sketch = sketchOf(many);
    expect(sketch.distinct).toBe(new Set(many).size);
    for (const [name, p] of Object.entries(PERCENTILES))
      expect(sketch.stat()[name as keyof typeof PERCENTILES]).toBe(quantile(many, p));
    const halves = roundTrip(sketchOf(shuffled.slice(0, 9_000)));
    halves.merge(sketchOf(shuffled.slice(9_000)));
    expect(halves.stat()).toEqual(sketch.stat());
    expect(halves.distinct).toBe(sketch.distinct);
  });

  it('counts -0 as 0 and every NaN as one value, as a Map would', () => {
    const sketch = sketchOf([0, -0, 0, -0]);
    expect(sketch.distinct).toBe(1);
    expect(sketch.stat().p50).toBe(0);
    // A NaN whose bits differ from the usual one's, as arithmetic can make.
    const otherNaN = new Float64Array(new Uint32Array([1, 0x7ff80000]).buffer)[0]!;
    const nans = sketchOf([NaN, otherNaN, 0 / 0, NaN, 1]);
    expect(nans.distinct).toBe(2);
    expect(nans.n).toBe(5);
  });

  it('is, once cleared, as a new sketch', () => {
    const reused = sketchOf(ints);
    reused.stat();
    reused.clear();
    for (const x of ints.slice(0, 50)) reused.add(x * 3);
    const fresh = sketchOf(ints.slice(0, 50).map((x) => x * 3));
    const [a, b]: number[][] = [[], []];
    reused.encode(a);
    fresh.encode(b);
    expect(a).toEqual(b);
    expect(reused.stat()).toEqual(fresh.stat());
  });

  it('reports nothing but NaN before any value arrives', () => {
    expect(Number.isNaN(new CellSketch().stat().mean)).toBe(true);
  });

  it('gives a new Stat after each add and merge, never a stale one', () => {
    const sketch = sketchOf([1, 2, 3]);
    expect(sketch.stat().max).toBe(3);
    sketch.add(10);
    expect(sketch.stat().max).toBe(10);
    sketch.merge(sketchOf([20]));
    expect(sketch.stat().max).toBe(20);
    const out: number[] = [];
    sketchOf([30]).encode(out);
    CellSketch.decode(Float64Array.from(out), 0, sketch);
    expect(sketch.stat()).toEqual(sketchOf([1, 2, 3, 10, 20, 30]).stat());
  });
});
