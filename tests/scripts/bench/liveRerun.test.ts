import { describe, expect, it } from 'vitest';
import { chooseWorkers, median, type LiveRerunFigures } from '../../../scripts/bench/liveRerun.ts';

const figure = (workers: number, finalMs: number[], longestTaskMs: number[]): LiveRerunFigures => ({
  workers,
  firstHeadlineMs: [],
  firstHeadlineDuringMs: [],
  finalMs,
  longestTaskMs,
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two, leaving out what was not measured', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([NaN, 5])).toBe(5);
    expect(median([])).toBeNaN();
  });
});

describe('chooseWorkers', () => {
  it('picks the pool whose updates finish soonest while the page stays under 50 ms', () => {
    expect(
      chooseWorkers([figure(1, [20_000, 21_000], [30, 40]), figure(2, [11_000, 12_000], [35, 45])]),
    ).toBe(2);
    expect(
      chooseWorkers([figure(1, [20_000, 21_000], [30, 40]), figure(2, [11_000, 12_000], [60, 70])]),
    ).toBe(1);
  });

  it('picks the shorter tasks when no pool keeps them under 50 ms', () => {
    expect(chooseWorkers([figure(1, [20_000], [80]), figure(2, [11_000], [60])])).toBe(2);
  });
});
