import { amountSampler, countSampler } from '../engine/random/sampler.ts';
import { streamRng } from '../engine/random/rng.ts';
import { statOf } from '../engine/aggregate/statistic.ts';
import type { Distribution, DistributionKind } from '../scenario/distribution.ts';
import { expectedMean } from '../scenario/distributionMoments.ts';
import { histogram, type HistogramBin } from '../engine/aggregate/histogram.ts';

/** Draws behind the picture: enough for a smooth shape, few enough to redraw while typing. */
export const PREVIEW_DRAWS = 2000;
const PREVIEW_SEED = 'distribution-preview';

export interface DistributionPreview {
  /** Bins of all but the largest 1% of draws. */
  bins: HistogramBin[];
  mean: number;
  p05: number;
  p95: number;
}

/** A picture of a distribution from a fixed-seed sample, drawn by the engine's own samplers. */
export function previewDistribution(
  d: Distribution,
  options: { counts?: boolean; draws?: number } = {},
): DistributionPreview {
  const draws = options.draws ?? PREVIEW_DRAWS;
  const sampler = options.counts ? countSampler(d) : amountSampler(d);
  const rng = streamRng(PREVIEW_SEED);
  const values = new Float64Array(draws);
  for (let i = 0; i < draws; i++) values[i] = sampler(rng, 1);
  const stat = statOf(values);
  // Long right tails (lognormal amounts) would squash the picture into one bar: the top 1% of
  // draws are left out of the picture, though not out of the mean and range.
  const sorted = Float64Array.from(values).sort();
  const cap = sorted[Math.floor(0.99 * (draws - 1))] ?? Infinity;
  const drawn = sorted.filter((v) => v <= cap);
  return { bins: histogram(drawn, 24), mean: stat.mean, p05: stat.p05, p95: stat.p95 };
}

/** One parameter of a kind, named in plain terms. */
export interface ParameterField {
  key: string;
  label: string;
  help: string;
  integer?: boolean;
}

export const KIND_LABELS: Record<DistributionKind, string> = {
  fixed: 'Fixed value',
  poisson: 'Count around an average (Poisson)',
  negbin: 'Count, more variable (negative binomial)',
  lognormal: 'Skewed: typical and high (lognormal)',
  uniform: 'Anywhere between two values (uniform)',
  triangular: 'Lowest, most likely, highest (triangular)',
  pert: 'Lowest, most likely, highest, smooth (PERT)',
  normal: 'Symmetric around an average (normal)',
  gamma: 'Skewed, never below 0: average and spread (gamma)',
};

export const KIND_PARAMETERS: Record<DistributionKind, ParameterField[]> = {
  fixed: [{ key: 'value', label: 'Value', help: 'Always this value.' }],
  poisson: [
    { key: 'mean', label: 'Average', help: 'The average count.' },
    { key: 'shift', label: 'Plus at least', help: 'Added to every draw (a floor).', integer: true },
  ],
  negbin: [
    { key: 'mean', label: 'Average', help: 'The average count.' },
    {
      key: 'dispersion',
      label: 'Spread',
      help: 'Smaller is more variable month to month; large values behave like Poisson.',
    },
    { key: 'shift', label: 'Plus at least', help: 'Added to every draw (a floor).', integer: true },
  ],
  lognormal: [
    { key: 'median', label: 'Typical', help: 'Half of values lie below this (the median).' },
    { key: 'p90', label: '1 in 10 is over', help: 'The 90th percentile: larger than typical.' },
  ],
  uniform: [
    { key: 'min', label: 'Lowest', help: 'Smallest possible value.' },
    { key: 'max', label: 'Highest', help: 'Largest possible value.' },
  ],
  triangular: [
    { key: 'min', label: 'Lowest', help: 'Smallest possible value.' },
    { key: 'mode', label: 'Most likely', help: 'The most common value.' },
    { key: 'max', label: 'Highest', help: 'Largest possible value.' },
  ],
  pert: [
    { key: 'min', label: 'Lowest', help: 'Smallest possible value.' },
    { key: 'mode', label: 'Most likely', help: 'The most common value.' },
    { key: 'max', label: 'Highest', help: 'Largest possible value.' },
  ],
  normal: [
    { key: 'mean', label: 'Average', help: 'The centre; values below 0 are redrawn.' },
    {
      key: 'sd',
      label: 'Spread (standard deviation)',
      help: 'About 2 in 3 values lie within one spread of the average.',
    },
  ],
  gamma: [
    { key: 'mean', label: 'Average', help: 'The average value.' },
    {
      key: 'sd',
      label: 'Spread (standard deviation)',
      help: 'How far values typically lie from the average; larger is more skewed.',
    },
  ],
};

export function kindOf(d: Distribution): DistributionKind {
  return typeof d === 'number' ? 'fixed' : d.dist;
}

const round = (x: number) => (x >= 10 ? Math.round(x) : Math.round(x * 100) / 100);

/** A distribution of a new kind with about the same mean, so switching kind keeps the scale. */
export function switchKind(d: Distribution, kind: DistributionKind): Distribution {
  const m = Math.max(0, expectedMean(d));
  const mean = round(m);
  switch (kind) {
    case 'fixed':
      return mean;
    case 'poisson':
      return { dist: 'poisson', mean };
    case 'negbin':
      return { dist: 'negbin', mean, dispersion: 10 };
    case 'lognormal':
      return {
        dist: 'lognormal',
        median: round(Math.max(m, 0.01) * 0.8),
        p90: round(Math.max(m, 0.01) * 2),
      };
    case 'uniform':
      return { dist: 'uniform', min: round(m * 0.5), max: round(m * 1.5) };
    case 'triangular':
    case 'pert':
      return { dist: kind, min: round(m * 0.5), mode: mean, max: round(m * 2) };
    case 'normal':
      return { dist: 'normal', mean, sd: round(m * 0.2) };
    case 'gamma':
      return { dist: 'gamma', mean, sd: round(m * 0.5) };
  }
}

/** The distribution in a short sentence, e.g. "typical 30, 1 in 10 over 100". */
export function describeDistribution(d: Distribution, unit = ''): string {
  const u = unit ? ` ${unit}` : '';
  if (typeof d === 'number') return `always ${d}${u}`;
  switch (d.dist) {
    case 'fixed':
      return `always ${d.value}${u}`;
    case 'poisson':
      return `about ${d.mean}${u} on average${d.shift ? `, plus ${d.shift}` : ''}`;
    case 'negbin':
      return `about ${d.mean}${u} on average, spread ${d.dispersion}${d.shift ? `, plus ${d.shift}` : ''}`;
    case 'lognormal':
      return `typical ${d.median}${u}, 1 in 10 over ${d.p90}`;
    case 'uniform':
      return `between ${d.min} and ${d.max}${u}`;
    case 'triangular':
    case 'pert':
      return `from ${d.min} to ${d.max}${u}, most likely ${d.mode}`;
    case 'normal':
    case 'gamma':
      return `about ${d.mean}${u}, give or take ${d.sd}`;
  }
}
