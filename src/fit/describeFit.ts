import type { HistoryFit } from './fitHistory.ts';
import type { Backtest } from './backtest.ts';

const FAMILY_WORDS: Record<HistoryFit['family'], string> = {
  poisson: 'Poisson',
  negbin: 'negative binomial',
  lognormal: 'lognormal',
  gamma: 'gamma',
};

const g = (x: number) =>
  Number(x.toPrecision(4)).toLocaleString('en-GB', { maximumFractionDigits: 6 });
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.replace('-', '−');

/** A fit as lines a planner reads: the choice, the rivals' AIC, the trend. */
export function describeFit(fit: HistoryFit, column: string): string[] {
  const lines = [
    `${column}: ${fit.n} months, best fitted by a ${FAMILY_WORDS[fit.family]} distribution (smallest AIC).`,
    '',
    'Distribution       AIC          Parameters (± standard error)',
  ];
  for (const c of fit.candidates) {
    const params = Object.entries(c.estimates)
      .map(([k, e]) => `${k} ${g(e.estimate)} ± ${g(e.se)}`)
      .join(', ');
    lines.push(`${FAMILY_WORDS[c.family].padEnd(18)} ${c.aic.toFixed(2).padEnd(12)} ${params}`);
  }
  const t = fit.trendPerYear;
  if (fit.family === 'poisson' && fit.candidates.some((c) => c.family === 'negbin')) {
    lines.push(
      '',
      'The counts vary no more than a Poisson count would: the extra spread parameter adds nothing.',
    );
  }
  lines.push(
    '',
    `Trend: ${pct(t.estimate)} a year (95% interval ${pct(t.low)} to ${pct(t.high)}).`,
    `For the scenario: ${JSON.stringify(fit.dist)}`,
  );
  return lines;
}

/** A back-test as lines: coverage of each band against its nominal share. */
export function describeBacktest(b: Backtest, column: string): string[] {
  const lines = [
    `${column}: fitted on months 1 to ${b.fit.n}, tested on the last ${b.holdout}.`,
    `Inside the 50% band: ${pct(b.coverage50)} of held-out months (50% expected).`,
    `Inside the 90% band: ${pct(b.coverage90)} of held-out months (90% expected).`,
    '',
    'Month  Actual       5%           25%          Median       75%          95%',
  ];
  for (const m of b.months) {
    lines.push(
      [m.month, m.actual, m.p5, m.p25, m.p50, m.p75, m.p95]
        .map((x, i) => (i === 0 ? String(x).padEnd(6) : g(x).padEnd(12)))
        .join(' ')
        .trimEnd(),
    );
  }
  return lines;
}
