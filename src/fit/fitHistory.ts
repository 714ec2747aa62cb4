import type { Distribution } from '../scenario/distribution.ts';
import { fitNegbin, fitPoisson } from './countFits.ts';
import type { FamilyFit } from './fitResult.ts';
import type { HistoryKind } from './history.ts';
import { fitGamma, fitLognormal } from './positiveFits.ts';
import { fitTrend, type Trend } from './trend.ts';

/** What fitting a history gives: the chosen distribution, every candidate's AIC and the trend. */
export interface HistoryFit {
  /** The candidate with the smallest AIC, in scenario grammar. */
  dist: Distribution;
  family: FamilyFit['family'];
  n: number;
  aic: Partial<Record<FamilyFit['family'], number>>;
  trendPerYear: Trend;
  candidates: FamilyFit[];
}

/**
 * Fits every family of `kind` by maximum likelihood and chooses by AIC: Poisson and negative
 * binomial for counts, lognormal and gamma for positive values. A tie goes to the family listed
 * first (the simpler, for counts).
 */
export function fitHistory(values: readonly number[], kind: HistoryKind): HistoryFit {
  const candidates =
    kind === 'counts' ? [fitPoisson(values), fitNegbin(values)] : positiveCandidates(values);
  let best = candidates[0]!;
  for (const c of candidates) if (c.aic < best.aic) best = c;
  return {
    dist: best.dist,
    family: best.family,
    n: values.length,
    aic: Object.fromEntries(candidates.map((c) => [c.family, c.aic])),
    trendPerYear: fitTrend(values, kind),
    candidates,
  };
}

function positiveCandidates(values: readonly number[]): FamilyFit[] {
  if (values.every((x) => x === values[0])) {
    throw new RangeError(
      `every value is ${values[0]}: there is no spread to fit; use the fixed value ${values[0]}.`,
    );
  }
  return [fitLognormal(values), fitGamma(values)];
}
