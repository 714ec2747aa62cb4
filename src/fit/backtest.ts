import { countSampler, amountSampler } from '../engine/random/sampler.ts';
import { streamRng } from '../engine/random/rng.ts';
import { standardNormal } from '../engine/random/normal.ts';
import type { Distribution } from '../scenario/distribution.ts';
import type { FamilyFit } from './fitResult.ts';
import { fitHistory, type HistoryFit } from './fitHistory.ts';
import type { HistoryKind } from './history.ts';

/** Draws from the predictive distribution: enough that its 5th and 95th percentiles are steady. */
export const PREDICTIVE_DRAWS = 20_000;

export interface HeldOutMonth {
  /** Month of the history, counting from 1. */
  month: number;
  actual: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

export interface Backtest {
  fit: HistoryFit;
  holdout: number;
  months: HeldOutMonth[];
  /** Share of held-out months inside the central 50% band (25th to 75th percentile). */
  coverage50: number;
  /** Share of held-out months inside the central 90% band (5th to 95th percentile). */
  coverage90: number;
}

/**
 * The fitted family with its parameters drawn from their sampling distribution: the location
 * parameter (the mean, or the lognormal's median with its 90th percentile in proportion) from a
 * normal with the fit's standard error, kept positive. So the bands carry the uncertainty of
 * a fit on few months, not only month-to-month chance.
 */
function drawFitted(fit: FamilyFit, z: number): Distribution {
  const d = fit.dist;
  if (typeof d === 'number') return d;
  const location = fit.family === 'lognormal' ? 'median' : 'mean';
  const est = fit.estimates[location]!;
  const moved = Math.max(est.estimate + z * est.se, est.estimate * 1e-3);
  const factor = moved / est.estimate;
  switch (d.dist) {
    case 'lognormal':
      return { ...d, median: d.median * factor, p90: d.p90 * factor };
    case 'poisson':
    case 'negbin':
      return { ...d, mean: d.mean * factor };
    case 'gamma':
      return { ...d, mean: d.mean * factor, sd: d.sd * factor };
    default:
      return d;
  }
}

function quantile(sorted: Float64Array, p: number): number {
  // Type 7, as spreadsheets' PERCENTILE gives.
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Fits on every month but the last `holdout`, then asks how often the held-out months fall
 * inside the fitted model's central 50% and 90% bands. The model is the stationary fit (the
 * trend is reported, not extrapolated), as a scenario's distribution uses it. The draws come
 * from one seeded stream, so a back-test gives the same answer every time.
 */
export function backtest(
  values: readonly number[],
  kind: HistoryKind,
  holdout: number,
  seed = 'backtest',
): Backtest {
  if (!Number.isInteger(holdout) || holdout < 1 || holdout > values.length - 6) {
    throw new RangeError(
      `the months held out must be a whole number from 1 to ${values.length - 6}, leaving at least 6 months to fit on`,
    );
  }
  const train = values.slice(0, values.length - holdout);
  const fit = fitHistory(train, kind);
  const best = fit.candidates.find((c) => c.family === fit.family)!;
  const rng = streamRng(seed);
  const draws = new Float64Array(PREDICTIVE_DRAWS);
  for (let i = 0; i < PREDICTIVE_DRAWS; i++) {
    const d = drawFitted(best, standardNormal(rng));
    draws[i] = (kind === 'counts' ? countSampler(d) : amountSampler(d))(rng, 1);
  }
  draws.sort();
  const band = {
    p5: quantile(draws, 0.05),
    p25: quantile(draws, 0.25),
    p50: quantile(draws, 0.5),
    p75: quantile(draws, 0.75),
    p95: quantile(draws, 0.95),
  };
  const months = values
    .slice(values.length - holdout)
    .map((actual, i) => ({ month: train.length + i + 1, actual, ...band }));
  const inside = (lo: number, hi: number) =>
    months.filter((m) => m.actual >= lo && m.actual <= hi).length / holdout;
  return {
    fit,
    holdout,
    months,
    coverage50: inside(band.p25, band.p75),
    coverage90: inside(band.p5, band.p95),
  };
}
