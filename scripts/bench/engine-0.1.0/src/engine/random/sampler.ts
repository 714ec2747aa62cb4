import type { Distribution } from '../../scenario/distribution.ts';
import { lognormalParams } from '../../scenario/distributionMoments.ts';
import { standardGamma } from './gamma.ts';
import { standardNormal } from './normal.ts';
import { pert } from './pert.ts';
import { poisson } from './poisson.ts';
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
const CHECK_DRAWS = (import.meta as ImportMeta & { env?: { DEV?: boolean } }).env?.DEV === true;

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

/** A sampler for a count (cases, suspects): continuous kinds are rounded to whole numbers. */
export function countSampler(d: Distribution): Sampler {
  const draw = amountSampler(d);
  if (typeof d !== 'number' && (d.dist === 'poisson' || d.dist === 'negbin')) return draw;
  return (rng, scale) => Math.round(draw(rng, scale));
}
