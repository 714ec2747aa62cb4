import type { Distribution } from '../../scenario/distribution.ts';
import { lognormalParams } from '../../scenario/distributionMoments.ts';
import { standardGamma } from './gamma.ts';
import { standardNormal } from './normal.ts';
import { pert } from './pert.ts';
import { poisson, poissonByProducts } from './poisson.ts';
import type { Rng } from './rng.ts';
import { triangular } from './triangular.ts';

/**
 * Draws one value. `scale` multiplies the quantity (demand growth): for Poisson and negative
 * binomial counts it multiplies the mean, so the draw stays a count of that family; any other
 * draw is multiplied by it.
 */
export type Sampler = (rng: Rng, scale: number) => number;

/** Tries before a truncated normal gives up and returns 0 (only when mean ≪ 0). */
const NORMAL_TRIES = 100;

/**
 * Whether every draw is checked to be finite: in tests and development builds (where Vite sets
 * import.meta.env.DEV), not in production builds or on the command line, where a check would
 * cost a call on every draw. Validation keeps parameters where draws are finite; this catches a
 * sampler or a limit that is wrong.
 */
export const CHECK_DRAWS =
  (import.meta as ImportMeta & { env?: { DEV?: boolean } }).env?.DEV === true;

/** A sampler for a real-valued quantity (hours, pounds). Decided once per run, not per draw. */
export function amountSampler(d: Distribution): Sampler {
  return CHECK_DRAWS ? finiteDraws(uncheckedSampler(d), d) : uncheckedSampler(d);
}

/** `draw`, refusing with a RangeError any draw that is NaN or ±Infinity. */
export function finiteDraws(draw: Sampler, d: Distribution): Sampler {
  return (rng, scale) => {
    const x = draw(rng, scale);
    if (!(Math.abs(x) <= Number.MAX_VALUE)) {
      throw new RangeError(`${JSON.stringify(d)} drew ${String(x)}, not a finite number.`);
    }
    return x;
  };
}

function uncheckedSampler(d: Distribution): Sampler {
  if (typeof d === 'number') return (_rng, scale) => d * scale;
  switch (d.dist) {
    case 'fixed': {
      const { value } = d;
      return (_rng, scale) => value * scale;
    }
    case 'poisson': {
      const { mean } = d;
      const shift = d.shift ?? 0;
      // Unscaled draws (items per case) are most of them: their e^(−mean) is worked out once.
      const limit = Math.exp(-mean);
      if (mean > 0 && mean < 10) {
        return (rng, scale) =>
          shift + (scale === 1 ? poissonByProducts(rng, limit) : poisson(rng, mean * scale));
      }
      return (rng, scale) => shift + poisson(rng, mean * scale);
    }
    case 'negbin': {
      const { mean, dispersion } = d;
      const shift = d.shift ?? 0;
      // Poisson–Gamma mixture: the rate is Gamma(dispersion, mean/dispersion).
      return (rng, scale) =>
        shift + poisson(rng, (standardGamma(rng, dispersion) * mean * scale) / dispersion);
    }
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d.median, d.p90);
      return (rng, scale) => Math.exp(mu + sigma * standardNormal(rng)) * scale;
    }
    case 'uniform': {
      const { min, max } = d;
      return (rng, scale) => (min + (max - min) * rng()) * scale;
    }
    case 'triangular': {
      const { min, mode, max } = d;
      return (rng, scale) => triangular(rng, min, mode, max) * scale;
    }
    case 'pert': {
      const { min, mode, max } = d;
      return (rng, scale) => pert(rng, min, mode, max) * scale;
    }
    case 'gamma': {
      const { mean, sd } = d;
      if (!(sd > 0) || !(mean > 0)) return (_rng, scale) => mean * scale;
      const shape = (mean / sd) ** 2;
      const theta = (sd * sd) / mean;
      return (rng, scale) => standardGamma(rng, shape) * theta * scale;
    }
    case 'normal': {
      const { mean, sd } = d;
      return (rng, scale) => {
        for (let i = 0; i < NORMAL_TRIES; i++) {
          const x = mean + sd * standardNormal(rng);
          if (x >= 0) return x * scale;
        }
        return 0;
      };
    }
  }
}

/**
 * The value every draw of `d` gives when it takes no uniforms (a number or `fixed`), or null.
 * A caller that knows it can leave the sampler uncalled with the same results.
 */
export function constantDraw(d: Distribution): number | null {
  if (typeof d === 'number') return d;
  return d.dist === 'fixed' ? d.value : null;
}

/** How a loop that holds a generator's state itself makes a draw (see drawPlan). */
export const DRAW_CONSTANT = 0;
export const DRAW_POISSON = 1;
export const DRAW_LOGNORMAL = 2;
export const DRAW_SAMPLER = 3;

/**
 * How a loop holding the generator's state in local variables can make the draws of `d` that
 * its sampler (amountSampler, or countSampler when `count`) makes at scale 1, with the same
 * uniforms and the same value: [kind, a, b] with
 * - DRAW_CONSTANT: the value a, taking no uniform (a number or `fixed`; rounded for a count);
 * - DRAW_POISSON (counts, 0 < mean < 10): shift b plus Knuth's count, a = e^(−mean), as
 *   poissonByProducts;
 * - DRAW_LOGNORMAL (amounts): exp(a + b·z) for one standard normal z;
 * - DRAW_SAMPLER: anything else, by calling the sampler.
 */
export function drawPlan(d: Distribution, count: boolean): [number, number, number] {
  const constant = constantDraw(d);
  if (constant !== null) return [DRAW_CONSTANT, count ? Math.round(constant) : constant, 0];
  if (typeof d === 'number') return [DRAW_SAMPLER, 0, 0];
  if (count && d.dist === 'poisson' && d.mean > 0 && d.mean < 10)
    return [DRAW_POISSON, Math.exp(-d.mean), d.shift ?? 0];
  if (!count && d.dist === 'lognormal') {
    const { mu, sigma } = lognormalParams(d.median, d.p90);
    return [DRAW_LOGNORMAL, mu, sigma];
  }
  return [DRAW_SAMPLER, 0, 0];
}

/** Takes from a stream the uniforms one draw would, without working out the value. */
export type Skip = (rng: Rng) => void;

/**
 * A Skip for `d`: a value that is drawn only to keep later draws where they are (the assets of a
 * suspect who holds none) need not be computed. A lognormal then costs its normal and no `exp`;
 * kinds whose number of uniforms depends on the value drawn are drawn in full.
 */
export function skipDraw(d: Distribution): Skip {
  if (typeof d === 'number') return () => {};
  switch (d.dist) {
    case 'fixed':
      return () => {};
    case 'lognormal':
      return (rng) => {
        standardNormal(rng);
      };
    case 'uniform':
    case 'triangular':
      return (rng) => {
        rng();
      };
    default: {
      const draw = uncheckedSampler(d);
      return (rng) => {
        draw(rng, 1);
      };
    }
  }
}

/** A sampler for a count (cases, suspects): continuous kinds are rounded to whole numbers. */
export function countSampler(d: Distribution): Sampler {
  const draw = amountSampler(d);
  if (typeof d !== 'number' && (d.dist === 'poisson' || d.dist === 'negbin')) return draw;
  return (rng, scale) => Math.round(draw(rng, scale));
}
