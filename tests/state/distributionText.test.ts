import { describe, expect, it } from 'vitest';
import { distributionFromText, distributionText } from '../../src/state/distributionText.ts';

describe('a figure in one spreadsheet cell', () => {
  it('reads plain numbers and shapes with their values', () => {
    expect(distributionFromText('30')).toEqual({ ok: true, value: 30 });
    expect(distributionFromText('lognormal 30 60')).toEqual({
      ok: true,
      value: { dist: 'lognormal', median: 30, p90: 60 },
    });
    expect(distributionFromText('PERT 10 20 40')).toMatchObject({
      ok: true,
      value: { dist: 'pert', min: 10, mode: 20, max: 40 },
    });
  });

  it('says why a cell is not a figure', () => {
    const bad = distributionFromText('lots');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toContain('“lots” is not a number or a shape');
    const order = distributionFromText('lognormal 60 30');
    expect(!order.ok && order.message).toBe(
      '“lognormal 60 30”: 1 in 10 above must be larger than the typical value (1 in 10 values lie above it)',
    );
    const spread = distributionFromText('normal 3 -1');
    expect(!spread.ok && spread.message).toBe(
      '“normal 3 -1”: give or take cannot be negative (it is -1)',
    );
    const short = distributionFromText('lognormal x');
    expect(!short.ok && short.message).toBe(
      '“lognormal x”: give lognormal its typical value and 1 in 10 above as numbers',
    );
  });

  it('writes each shape so that it reads back the same', () => {
    for (const value of [
      12,
      { dist: 'poisson', mean: 4 },
      { dist: 'negbin', mean: 15, dispersion: 10 },
      { dist: 'lognormal', median: 30, p90: 90 },
      { dist: 'uniform', min: 1, max: 2 },
      { dist: 'triangular', min: 1, mode: 2, max: 5 },
      { dist: 'normal', mean: 3, sd: 1 },
    ]) {
      expect(distributionFromText(distributionText(value))).toEqual({ ok: true, value });
    }
  });
});
