import { describe, expect, it } from 'vitest';
import { formatDuration, formatRate } from '../../src/results/format.ts';

describe('formatDuration', () => {
  it('rounds up to whole seconds under a minute, then to whole minutes', () => {
    expect(formatDuration(0)).toBe('about 0 s');
    expect(formatDuration(1)).toBe('about 1 s');
    expect(formatDuration(59_000)).toBe('about 59 s');
    expect(formatDuration(59_001)).toBe('about 1 min');
    expect(formatDuration(61_000)).toBe('about 2 min');
  });

  it('gives hours and minutes from an hour', () => {
    expect(formatDuration(59 * 60_000)).toBe('about 59 min');
    expect(formatDuration(59 * 60_000 + 1)).toBe('about 1 h');
    expect(formatDuration(111 * 60_000 + 16_000)).toBe('about 1 h 52 min');
    expect(formatDuration(120 * 60_000 + 1)).toBe('about 2 h 1 min');
  });

  it('says it is estimating while there is no estimate yet', () => {
    expect(formatDuration(NaN)).toBe('estimating…');
    expect(formatDuration(Infinity)).toBe('estimating…');
    expect(formatDuration(-1)).toBe('estimating…');
  });
});

describe('formatRate', () => {
  it('gives whole replications a second, with thousands separators, and one decimal below ten', () => {
    expect(formatRate(229.6)).toBe('230 a second');
    expect(formatRate(12_345)).toBe('12,345 a second');
    expect(formatRate(4.26)).toBe('4.3 a second');
  });

  it('says it is measuring before any replication is done', () => {
    expect(formatRate(0)).toBe('measuring…');
    expect(formatRate(NaN)).toBe('measuring…');
  });
});
