import type { Model } from '../../src/engine/model.ts';
import { binomial } from '../../src/engine/random/binomial.ts';
import { standardNormal } from '../../src/engine/random/normal.ts';
import { StreamSet, streamSeed } from '../../src/engine/random/rng.ts';

const STREAMS = new WeakMap<Model, StreamSet>();

/**
 * Draws the random numbers one replication of `model` draws, with the same samplers and the
 * same streams, and does nothing else. No engine can run a replication faster than this: the
 * benchmark divides the engine's time by this floor's. Staff counts follow the expected path
 * without hiring (the floor's draws do not depend on a model state), which draws as many
 * binomials as the engine does. Returns a checksum so the work cannot be optimised away.
 */
export function drawReplication(model: Model, seed: string, index: number): number {
  let checksum = 0;
  // One set of streams per model, seeded anew for each replication, as the engine keeps one.
  let streams = STREAMS.get(model);
  if (!streams) {
    streams = new StreamSet(1);
    STREAMS.set(model, streams);
  }
  const rng = streams.draw;
  for (const g of model.groups) {
    streams.seed(0, streamSeed(seed, index, g.part));
    let inPost = g.inPost + g.inTraining;
    for (let t = 0; t < model.horizonMonths; t++) {
      const leavers = binomial(rng, inPost, g.leaveProbabilityPerMonth);
      checksum += leavers;
      inPost = Math.max(g.inPost, inPost - leavers);
    }
  }
  for (const s of model.streams) {
    streams.seed(0, streamSeed(seed, index, s.part));
    for (let t = 0; t < model.horizonMonths; t++) {
      const cases = s.cases(rng, s.growthByMonth[t]!);
      for (let c = 0; c < cases; c++) {
        const items = s.items(rng, 1);
        for (let i = 0; i < items; i++) {
          checksum += s.hours(rng, 1);
          if (s.suspects) {
            if (rng() < s.assetProbability) checksum += s.assetValue(rng, 1);
            else s.skipAssetValue(rng);
          }
          checksum += standardNormal(rng);
        }
      }
    }
  }
  return checksum;
}
