import { describe, expect, it } from 'vitest';
import { refiningText } from '../../src/results/refining.ts';

describe('refiningText', () => {
  it('says in words how many replications the answer holds of those asked for', () => {
    expect(refiningText({ done: 1240, replications: 20000 })).toBe(
      'Refining: 1,240 of 20,000 replications so far. The figures will still change.',
    );
  });
});
