import os from 'node:os';
import { createNodeRunner, nodeWorker } from '../../src/runner/node/nodeRunner.ts';
import { benchScenarios } from './engine.ts';
import { chunkSlowdown, runsOf, scalingRates } from './timing.ts';

/** Pairs of runs, one worker and all, as in the browser. */
const ROUNDS = 15;

/**
 * Replications per second on one Node worker thread and on all cores, in back-to-back pairs of
 * runs of about the same length (see scalingRates), so a burst of load from elsewhere on a shared
 * machine does not decide the ratio.
 */
export async function measureScaling(msPerReplication: ReadonlyMap<string, number>) {
  const workers = os.availableParallelism();
  const out = [];
  for (const { name, scenario } of benchScenarios()) {
    // About two seconds a run on one worker, from the engine's time a replication in this run:
    // short runs would measure the pool's start and finish more than its steady state.
    const perWorker = Math.max(24, Math.round(2000 / (msPerReplication.get(name) ?? 20)));
    const one = createNodeRunner({ size: 1 });
    const all = createNodeRunner({ size: workers });
    try {
      const rates = await scalingRates(
        ROUNDS,
        perWorker,
        workers,
        runsOf(one, scenario),
        runsOf(all, scenario),
      );
      const bare = Array.from({ length: workers }, nodeWorker);
      let slowdown: number;
      try {
        slowdown = await chunkSlowdown(
          bare.map((w) => w.api),
          scenario,
          5,
        );
      } finally {
        for (const w of bare) w.terminate();
      }
      out.push({ scenario: name, workers, perWorker, ...rates, chunkSlowdown: slowdown });
    } finally {
      one.dispose();
      all.dispose();
    }
  }
  return out;
}
