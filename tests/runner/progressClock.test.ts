import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressClock } from '../../src/runner/progressClock.ts';
import type { RunProgress } from '../../src/runner/runner.ts';

describe('ProgressClock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports at once and then at least four times every second', () => {
    const reports: RunProgress[] = [];
    const clock = new ProgressClock(100, (p) => reports.push(p));
    expect(reports).toHaveLength(1);
    for (let second = 1; second <= 3; second++) {
      const before = reports.length;
      vi.advanceTimersByTime(1000);
      expect(reports.length - before).toBeGreaterThanOrEqual(4);
    }
    clock.stop(false);
    const stopped = reports.length;
    vi.advanceTimersByTime(1000);
    expect(reports).toHaveLength(stopped);
  });

  it('gives the rate so far and the time left at that rate, and says nothing of time left before any is done', () => {
    const reports: RunProgress[] = [];
    const clock = new ProgressClock(1000, (p) => reports.push(p));
    expect(reports[0]).toMatchObject({ done: 0, total: 1000, ratePerSecond: 0 });
    expect(reports[0]!.remainingMs).toBeNaN();
    vi.advanceTimersByTime(1000);
    clock.done = 250;
    vi.advanceTimersByTime(1000);
    const last = reports.at(-1)!;
    expect(last.elapsedMs).toBeCloseTo(2000, 6);
    expect(last.ratePerSecond).toBeCloseTo(125, 6);
    expect(last.remainingMs).toBeCloseTo(6000, 6);
    clock.done = 1000;
    clock.stop(true);
    expect(reports.at(-1)).toMatchObject({ done: 1000, remainingMs: 0 });
  });
});
