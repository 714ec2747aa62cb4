import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatPounds,
  formatPoundsExact,
  formatRate,
  formatSigned,
} from '../../src/results/format.ts';

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

describe('money with a sign', () => {
  it('writes the sign before the pound sign, never £-21,812', () => {
    expect(formatPoundsExact(-21_812)).toBe('−£21,812');
    expect(formatPoundsExact(21_812.4)).toBe('£21,812');
    expect(formatPoundsExact(-0.4)).toBe('£0');
    expect(formatPoundsExact(-1.234, 2)).toBe('−£1.23');
    expect(formatPounds(-21_812)).toBe('−£21.8k');
    expect(formatSigned(-21_812, 'pounds')).toBe('−£21.8k');
  });
});
