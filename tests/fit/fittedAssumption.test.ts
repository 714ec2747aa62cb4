import { describe, expect, it } from 'vitest';
import mps from '../../scenarios/mps-financial-investigators.json';
import { fitHistory } from '../../src/fit/fitHistory.ts';
import { fitNote, fittedAssumption } from '../../src/fit/fittedAssumption.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';

const referrals = [31, 28, 35, 40, 33, 29, 38, 36, 30, 41, 34, 37, 32, 39, 35, 30, 36, 33];
const hours = [12.5, 30.1, 18.2, 22.9, 9.4, 41.3, 15.8, 27.7, 19.9, 13.1, 35.6, 21.4, 16.2, 25];

/** A built-in scenario with `value` as its first stream's `field`, read as a file is. */
function inScenario(field: string, value: unknown) {
  const input = structuredClone(mps) as ScenarioInput;
  (input.units![0]!.demand![0] as Record<string, unknown>)[field] = value;
  return validateScenario(input);
}

describe('a fitted history as a scenario value', () => {
  it('carries a count’s mean with its standard error as an uncertain assumption', () => {
    const fit = fitHistory(referrals, 'counts');
    const chosen = fit.candidates.find((c) => c.family === fit.family)!;
    const value = fittedAssumption(fit) as { dist: string; mean: { uncertain: unknown } };
    expect(value.dist).toBe(fit.family);
    const mean = chosen.estimates.mean!;
    expect(value.mean).toEqual({
      uncertain: {
        dist: 'normal',
        mean: Number(mean.estimate.toPrecision(4)),
        sd: Number(mean.se.toPrecision(4)),
      },
    });
    const read = inScenario('casesPerMonth', value);
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.value.uncertain?.map((u) => u.path)).toEqual([
        'units[0].demand[0].casesPerMonth.mean',
      ]);
    }
  });

  it('carries a positive value’s median or mean, and stays valid grammar', () => {
    const fit = fitHistory(hours, 'positive');
    const value = fittedAssumption(fit) as Record<string, unknown>;
    const location = fit.family === 'lognormal' ? 'median' : 'mean';
    expect(value[location]).toMatchObject({ uncertain: { dist: 'normal' } });
    const read = inScenario('hoursPerItem', value);
    expect(read.ok).toBe(true);
    for (const family of ['lognormal', 'gamma'] as const) {
      const other = { ...fit, family };
      expect(inScenario('hoursPerItem', fittedAssumption(other)).ok).toBe(true);
    }
  });

  it('writes a plain value when the level has no standard error', () => {
    const fit = fitHistory([0, 0, 0, 0, 0, 0, 0], 'counts');
    const value = fittedAssumption(fit) as Record<string, unknown>;
    expect(typeof value.mean).toBe('number');
  });

  it('says where it came from for the register', () => {
    const fit = fitHistory(referrals, 'counts');
    const note = fitNote(fit, 'referrals.csv', 'Referrals', '2026-12-07');
    expect(note).toMatch(
      /^Fitted from referrals\.csv, 18 months \(column “Referrals”\), on 2026-12-07: Poisson by maximum likelihood, chosen by AIC \(Poisson [\d.]+, negative binomial [\d.]+\)\. The mean [\d.]+ has a standard error of [\d.]+, carried as an uncertain assumption\. Trend −?[\d.]+% a year \(95% interval −?[\d.]+% to −?[\d.]+%\), not built in\.$/,
    );
  });
});
