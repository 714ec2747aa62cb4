import type { Distribution } from '../scenario/distribution.ts';
import { roundTo } from './elicitPicture.ts';
import type { HistoryFit } from './fitHistory.ts';

/**
 * A fitted history as a scenario holds it: the chosen family, its parameters to 4 significant
 * figures, and its location parameter (the mean, or a lognormal's median) written as
 * `{"uncertain": {"dist": "normal", "mean": estimate, "sd": standard error}}`, the maximum-
 * likelihood estimate's sampling distribution. So each simulated future draws the level a fit on
 * n months cannot pin down, as the back-test does. The spread parameter stays at its estimate:
 * the grammar cannot tie a lognormal's 90th percentile to its median, and a total over many
 * months depends on the level far more than on the month-to-month spread.
 */
export function fittedAssumption(fit: HistoryFit): unknown {
  const chosen = fit.candidates.find((c) => c.family === fit.family)!;
  const d = chosen.dist as Exclude<Distribution, number>;
  const location = fit.family === 'lognormal' ? 'median' : 'mean';
  const rounded: Record<string, unknown> = Object.fromEntries(
    Object.entries(d).map(([k, v]) => [k, typeof v === 'number' ? roundTo(v) : v]),
  );
  if (d.dist === 'lognormal' && !((rounded.p90 as number) > (rounded.median as number))) {
    rounded.p90 = roundTo(d.median * 1.001, 6);
  }
  const se = chosen.estimates[location]?.se ?? 0;
  const estimate = rounded[location] as number;
  if (se > 0 && Number.isFinite(se) && estimate > 0) {
    rounded[location] = { uncertain: { dist: 'normal', mean: estimate, sd: roundTo(se) } };
  }
  return rounded;
}

const FAMILY_WORDS: Record<HistoryFit['family'], string> = {
  poisson: 'Poisson',
  negbin: 'negative binomial',
  lognormal: 'lognormal',
  gamma: 'gamma',
};

const number = (x: number) =>
  Number(x.toPrecision(4)).toLocaleString('en-GB', { maximumFractionDigits: 6 });
const percent = (x: number) => `${(x * 100).toFixed(1)}%`.replace('-', '−');

/**
 * The register's note on a fitted field: "Fitted from FILE, n months", then how, the rival's AIC,
 * the level's standard error and the trend, which the fit reports but does not build in.
 */
export function fitNote(fit: HistoryFit, source: string, column: string, date: string): string {
  const chosen = fit.candidates.find((c) => c.family === fit.family)!;
  const location = fit.family === 'lognormal' ? 'median' : 'mean';
  const est = chosen.estimates[location];
  const aics = fit.candidates
    .map((c) => `${FAMILY_WORDS[c.family]} ${c.aic.toFixed(1)}`)
    .join(', ');
  const t = fit.trendPerYear;
  const level =
    est && est.se > 0 && Number.isFinite(est.se)
      ? ` The ${location} ${number(est.estimate)} has a standard error of ${number(est.se)}, carried as an uncertain assumption.`
      : '';
  return (
    `Fitted from ${source}, ${fit.n} months (column “${column}”), on ${date}: ` +
    `${FAMILY_WORDS[fit.family]} by maximum likelihood, chosen by AIC (${aics}).${level}` +
    ` Trend ${percent(t.estimate)} a year (95% interval ${percent(t.low)} to ${percent(t.high)}), not built in.`
  );
}
