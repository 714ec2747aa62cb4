import os from 'node:os';
import { createNodeRunner } from '../../src/runner/nodeRunner.ts';
import { benchScenarios } from './engine.ts';
import { medianOf } from './timing.ts';

/** Alternating rounds of one worker and all, as in the browser. */
const ROUNDS = 5;

/**
 * Replications per second on one Node worker thread and on all cores. Both pools are warmed
 * first, then measured in alternating rounds, and the median of each is kept, so a burst of
 * load from elsewhere on a shared machine does not decide the ratio.
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
      const oneRates: number[] = [];
      const allRates: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        oneRates.push(await rate(one, `bench-${round}`));
        allRates.push(await rate(all, `bench-${round}`));
      }
      out.push({ scenario: name, workers, one: medianOf(oneRates), all: medianOf(allRates) });
    } finally {
      one.dispose();
      all.dispose();
    }
  }
  return out;
}
