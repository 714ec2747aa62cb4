import { expectedMean } from '../scenario/distributionMoments.ts';
import type { DemandStream } from '../scenario/schema.ts';
import { amountSampler } from './random/sampler.ts';
import { streamRng } from './random/rng.ts';

/**
 * Draws per suspects stream. The scale is estimated once per run, so its error is a bias that
 * more replications never remove; this many keeps that bias well below a run's own noise while
 * compiling a scenario stays quick.
 */
export const TRIAGE_SCALE_DRAWS = 65_536;

/**
 * The mean and standard deviation, across all suspects the scenario expects, of a suspect's
 * log value L = log10(1 + assets), so that a priority score can be built on the standardised
 * value (L − mean) / sd. Estimated from a fixed stream of draws, so it is the same on every run.
 */
export function triageScale(streams: readonly DemandStream[]): { mean: number; sd: number } {
  let weight = 0;
  let sum = 0;
  let sumOfSquares = 0;
  for (const stream of streams) {
    if (stream.kind !== 'suspects') continue;
    const w = expectedMean(stream.casesPerMonth) * expectedMean(stream.itemsPerCase);
    if (!(w > 0)) continue;
    const rng = streamRng(`triage-scale\u0000${stream.id}`);
    const value = amountSampler(stream.assetValue);
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < TRIAGE_SCALE_DRAWS; i++) {
      const holds = rng() < stream.assetProbability;
      const l = holds ? Math.log10(1 + value(rng, 1)) : 0;
      s += l;
      s2 += l * l;
    }
    weight += w;
    sum += (w * s) / TRIAGE_SCALE_DRAWS;
    sumOfSquares += (w * s2) / TRIAGE_SCALE_DRAWS;
  }
  if (weight === 0) return { mean: 0, sd: 1 };
  const mean = sum / weight;
  const variance = sumOfSquares / weight - mean * mean;
  return { mean, sd: variance > 1e-12 ? Math.sqrt(variance) : 1 };
}
