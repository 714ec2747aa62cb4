import { normalQuantile } from './random/normalQuantile.ts';
import type { Distribution } from '../scenario/distribution.ts';
import { lognormalParams, normalCdf } from '../scenario/distributionMoments.ts';
import type { Rng } from './random/rng.ts';
import type { Sampler } from './random/sampler.ts';

/**
 * Hours and asset value drawn together by a Gaussian copula: a pair of standard normals with
 * correlation r gives each its rank, and each quantity is the value of its own distribution at
 * that rank. Each keeps its distribution exactly; only how they pair changes.
 */

/** A draw of a distribution from a standard normal z with the same rank: Q(Φ(z)). */
export type FromNormal = (z: number) => number;

/**
 * The copula's r for a rank (Spearman) correlation ρ: for a Gaussian copula ρ = (6/π)·asin(r/2),
 * so r = 2·sin(πρ/6).
 */
export function copulaR(rankCorrelation: number): number {
  return 2 * Math.sin((Math.PI * rankCorrelation) / 6);
}

/**
 * Q(u), the value at rank u in (0, 1), for a distribution `correlatable` accepts: a normal is
 * truncated at 0, as it is drawn. The tornado's percentiles use it too.
 */
export function quantileFunction(d: Distribution): (u: number) => number {
  if (typeof d === 'number') return () => d;
  switch (d.dist) {
    case 'fixed': {
      const { value } = d;
      return () => value;
    }
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d.median, d.p90);
      return (u) => Math.exp(mu + sigma * normalQuantile(u));
    }
    case 'uniform': {
      const { min, max } = d;
      return (u) => min + (max - min) * u;
    }
    case 'triangular': {
      const { min, mode, max } = d;
      if (max === min) return () => min;
      const cut = (mode - min) / (max - min);
      return (u) =>
        u < cut
          ? min + Math.sqrt(u * (max - min) * (mode - min))
          : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
    }
    case 'normal': {
      const { mean, sd } = d;
      if (sd === 0) return () => Math.max(0, mean);
      const below = normalCdf(-mean / sd);
      return (u) => Math.max(0, mean + sd * normalQuantile(below + (1 - below) * u));
    }
    default:
      throw new RangeError(`A ${d.dist} distribution cannot be correlated with another.`);
  }
}

/** Q(Φ(z)) for a distribution `correlatable` accepts. */
export function fromNormal(d: Distribution): FromNormal {
  if (typeof d !== 'number' && d.dist === 'lognormal') {
    // Exact: the lognormal is exp of a normal, so no Φ is needed.
    const { mu, sigma } = lognormalParams(d.median, d.p90);
    return (z) => Math.exp(mu + sigma * z);
  }
  // Below Φ(−8) the truncation moves no draw by as much as a rounding of Φ does.
  if (typeof d !== 'number' && d.dist === 'normal' && d.sd > 0 && d.mean / d.sd >= 8) {
    const { mean, sd } = d;
    return (z) => mean + sd * z;
  }
  const q = quantileFunction(d);
  return (z) => q(normalCdf(z));
}

/** A stream's copula, compiled once per run. */
export interface HoursValueCopula {
  /** Names its random stream: `hours-value:<unit>:<stream>`. */
  part: string;
  r: number;
  hours: FromNormal;
  value: FromNormal;
}

/**
 * The hours and asset value samplers of one correlated stream for one thread. Each still makes
 * the stream's own draws from the demand stream and discards them, so every later draw of that
 * stream (whether a suspect holds assets, its triage noise, the next case) is where it was with
 * no correlation; the pair comes from the copula's own stream, set for each replication.
 */
export class HoursValueDraws {
  /** The copula's random stream for the replication being run. */
  rng: Rng = () => 0;
  /** The asset value drawn with the last hours, handed out by `assetValue`. */
  private value = 0;
  readonly hours: Sampler;
  readonly assetValue: Sampler;

  constructor(copula: HoursValueCopula, ownHours: Sampler, ownValue: Sampler) {
    const { r, hours: hoursAt, value: valueAt } = copula;
    const rest = Math.sqrt(1 - r * r);
    this.hours = (rng, scale) => {
      ownHours(rng, scale);
      // Box–Muller: one pair of uniforms gives two independent standard normals.
      const u = 1 - this.rng();
      const v = this.rng();
      const radius = Math.sqrt(-2 * Math.log(u));
      const z1 = radius * Math.cos(2 * Math.PI * v);
      const z2 = radius * Math.sin(2 * Math.PI * v);
      this.value = valueAt(r * z1 + rest * z2);
      return hoursAt(z1) * scale;
    };
    this.assetValue = (rng, scale) => {
      ownValue(rng, scale);
      return this.value * scale;
    };
  }
}
