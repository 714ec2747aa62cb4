import { createNodeRunner } from '../../src/runner/nodeRunner.ts';
import { benchScenarios } from './engine.ts';
import os from 'node:os';

/** Replications per second on one Node worker thread and on all cores, same run each time. */
export async function measureScaling() {
  const workers = os.availableParallelism();
  const out = [];
  for (const { name, scenario } of benchScenarios()) {
    const replications = name.startsWith('National') ? 64 : 200;
    const rate = async (size: number) => {
      const runner = createNodeRunner({ size });
      try {
        // A first run warms the workers (start-up and compilation are not the steady rate).
        await runner.run({ scenario, seed: 'warm-up', replications: size * 20 });
        const start = performance.now();
        await runner.run({ scenario, seed: 'bench', replications });
        return replications / ((performance.now() - start) / 1000);
      } finally {
        runner.dispose();
      }
    };
    const one = await rate(1);
    const all = await rate(workers);
    out.push({ scenario: name, workers, one, all });
  }
  return out;
}
