import { z } from 'zod';
import { LIMITS } from './limits.ts';

const value = z.number().min(0).max(LIMITS.parameter);
const shift = z.int().min(0).max(LIMITS.parameter).optional();

const fixed = z.strictObject({ dist: z.literal('fixed'), value });
const poisson = z.strictObject({ dist: z.literal('poisson'), mean: value, shift });
const negbin = z.strictObject({
  dist: z.literal('negbin'),
  mean: value,
  /** Size parameter: variance = mean + mean² / dispersion. Large values approach Poisson. */
  dispersion: z.number().min(LIMITS.smallestDispersion).max(LIMITS.parameter),
  shift,
});
const logValue = z.number().min(LIMITS.smallestParameter).max(LIMITS.parameter);
/** Whether both values passed their own bounds: only then is comparing them worth a message. */
const bounded = (d: { median: number; p90: number }) =>
  [d.median, d.p90].every((x) => x >= LIMITS.smallestParameter && x <= LIMITS.parameter);
const lognormal = z
  .strictObject({ dist: z.literal('lognormal'), median: logValue, p90: logValue })
  .refine((d) => !bounded(d) || d.p90 > d.median, {
    path: ['p90'],
    message: 'must be larger than the typical value (1 in 10 values lie above it)',
  })
  .refine((d) => !bounded(d) || d.p90 <= d.median * LIMITS.lognormalSpread, {
    path: ['p90'],
    message: `must be at most ${LIMITS.lognormalSpread.toLocaleString('en-GB')} times the typical value; a wider spread draws values too large to add up`,
  });
const uniform = z
  .strictObject({ dist: z.literal('uniform'), min: value, max: value })
  .refine((d) => d.max >= d.min, { path: ['max'], message: 'must be at least the lowest value' });
const ordered = (name: 'triangular' | 'pert') =>
  z
    .strictObject({ dist: z.literal(name), min: value, mode: value, max: value })
    .refine((d) => d.min <= d.mode && d.mode <= d.max, {
      path: ['mode'],
      message: 'must lie between the lowest and the highest value',
    });
/** A gamma by its mean and standard deviation: shape (mean/sd)², scale sd²/mean. */
const gamma = z
  .strictObject({ dist: z.literal('gamma'), mean: value, sd: value })
  .refine((d) => !(d.sd > 0) || d.mean > 0, {
    path: ['mean'],
    message: 'must be above 0 when the give or take (standard deviation) is above 0',
  });
const normal = z.strictObject({
  dist: z.literal('normal'),
  mean: z.number().min(-LIMITS.parameter).max(LIMITS.parameter),
  sd: value,
});

export const DISTRIBUTION_KINDS = [
  'fixed',
  'poisson',
  'negbin',
  'lognormal',
  'uniform',
  'triangular',
  'pert',
  'normal',
  'gamma',
] as const;

/**
 * An uncertain quantity: a bare number (fixed), or one of the kinds above. Counts drawn from a
 * continuous kind are rounded to whole numbers; a normal is truncated at 0.
 */
export const distributionSchema = z.union([
  value,
  z.discriminatedUnion('dist', [
    fixed,
    poisson,
    negbin,
    lognormal,
    uniform,
    ordered('triangular'),
    ordered('pert'),
    normal,
    gamma,
  ]),
]);

export type Distribution = z.infer<typeof distributionSchema>;
export type DistributionKind = (typeof DISTRIBUTION_KINDS)[number];

/**
 * Whether hours or asset values of this kind can be drawn together with the other by a Gaussian
 * copula: those whose quantile function the engine computes in closed form.
 */
export function correlatable(d: Distribution): boolean {
  return (
    typeof d === 'number' ||
    d.dist === 'fixed' ||
    d.dist === 'lognormal' ||
    d.dist === 'uniform' ||
    d.dist === 'triangular' ||
    d.dist === 'normal'
  );
}
