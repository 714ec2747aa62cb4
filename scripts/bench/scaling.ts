import os from 'node:os';
import { createNodeRunner, nodeWorker } from '../../src/runner/nodeRunner.ts';
import { benchScenarios } from './engine.ts';
import { chunkSlowdown, pairedRates } from './timing.ts';

/** Pairs of rounds, one worker and all, as in the browser. */
const ROUNDS = 7;

/**
 * Replications per second on one Node worker thread and on all cores. Both pools are warmed
 * first, then measured in back-to-back pairs of rounds (see pairedRates), so a burst of load
 * from elsewhere on a shared machine does not decide the ratio.
 */
export async function measureScaling() {
  const workers = os.availableParallelism();
  const out = [];
  for (const { name, scenario } of benchScenarios()) {
    const replications = name.startsWith('National') ? 96 : 240;
    const one = createNodeRunner({ size: 1 });
    const all = createNodeRunner({ size: workers });
    try {
      const rate = async (runner: typeof one, seed: string) => {
        const start = performance.now();
        await runner.run({ scenario, seed, replications });
        return replications / ((performance.now() - start) / 1000);
      };
      await one.run({ scenario, seed: 'warm-up', replications: 20 });
      await all.run({ scenario, seed: 'warm-up', replications: 20 * workers });
      const rates = await pairedRates(
        ROUNDS,
        (round) => rate(one, `bench-${round}`),
        (round) => rate(all, `bench-${round}`),
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
      out.push({ scenario: name, workers, ...rates, chunkSlowdown: slowdown });
    } finally {
      one.dispose();
      all.dispose();
    }
  }
  return out;
}
