/** Median of a few timed rounds: the benchmark compares ratios measured in one run. */
export function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds `work` takes, median of `rounds`. */
export function timeIt(work: () => void, rounds = 5): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return medianOf(times);
}

/**
 * Nanoseconds per call of `draw`, through a loop compiled for it alone, so one generator's
 * call site does not slow the next one's.
 */
export function nsPerCall(draw: () => number, calls = 2_000_000): number {
  const loop = new Function(
    'draw',
    'calls',
    'let s = 0; for (let i = 0; i < calls; i++) s += draw(); return s;',
  ) as (draw: () => number, calls: number) => number;
  loop(draw, calls / 10);
  return (timeIt(() => loop(draw, calls), 3) * 1e6) / calls;
}
