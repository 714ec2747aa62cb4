import { describe, expect, it } from 'vitest';
import type { GoalSeekResult } from '../../src/decision/goalSeek.ts';
import { goalSeekChartSpec } from '../../src/decision/goalSeekChart.ts';

const found: GoalSeekResult = {
  answer: 12,
  direction: 1,
  uncertainValues: [],
  answerRange: [12, 12],
  meaning: null,
  why: null,
  replications: 100,
  totalReplications: 500,
  sequential: true,
  testConfidence: 0.95,
  curve: [
    {
      value: 10,
      probability: 0.5,
      se: 0.05,
      replications: 100,
      verdict: 'fails',
      interval: [0.5, 0.5],
    },
    {
      value: 12,
      probability: 0.92,
      se: 0.02,
      replications: 100,
      verdict: 'close',
      interval: [0.92, 0.92],
    },
    {
      value: 20,
      probability: 0.99,
      se: 0.01,
      replications: 100,
      verdict: 'meets',
      interval: [0.99, 0.99],
    },
  ],
};

describe('goalSeekChartSpec', () => {
  it('gives each value tried its probability and a 95% interval kept within 0 and 1', () => {
    const spec = goalSeekChartSpec(found, 0.9, 'Posts');
    expect(spec.points.map((p) => p.value)).toEqual([10, 12, 20]);
    expect(spec.points[0]!.low).toBeCloseTo(0.5 - 1.96 * 0.05, 12);
    expect(spec.points[0]!.high).toBeCloseTo(0.5 + 1.96 * 0.05, 12);
    expect(spec.points[2]!.high).toBe(1);
    expect(spec.points.map((p) => p.isAnswer)).toEqual([false, true, false]);
    expect(spec.xDomain).toEqual([10, 20]);
  });

  it('marks the target and the answer, and states the answer in the title', () => {
    const spec = goalSeekChartSpec(found, 0.9, 'Posts');
    expect(spec.target).toEqual({ value: 0.9, label: 'target 0.9' });
    expect(spec.answer).toEqual({ value: 12, label: '12' });
    expect(spec.title).toBe('The probability of meeting the target reaches 0.9 at Posts = 12.');
  });

  it('has no answer rule and says so when nothing in range meets the target', () => {
    const spec = goalSeekChartSpec({ ...found, answer: null }, 0.999, 'Posts');
    expect(spec.answer).toBeUndefined();
    expect(spec.title).toBe(
      'The probability of meeting the target stays below 0.999 over the values of Posts tried (at most 0.990).',
    );
  });

  it('tabulates every value tried with its probability and standard error', () => {
    const spec = goalSeekChartSpec(found, 0.9, 'Posts');
    expect(spec.table.columns).toEqual(['Posts', 'Probability', 'Standard error']);
    expect(spec.table.rows[1]).toEqual(['12', '0.920', '0.020']);
  });

  it('keeps a one-point curve on a scale that is not flat', () => {
    const spec = goalSeekChartSpec({ ...found, curve: [found.curve[0]!] }, 0.9, 'Posts');
    expect(spec.xDomain).toEqual([9, 11]);
  });
});
