/**
 * Runs in the benchmark's Chromium page: replications per second of the browser pool on one
 * worker and on two, for the MPS scenario, as the medians of alternating rounds (as in Node).
 * Results go to `window.benchResult`.
 */
import { createBrowserRunner } from '../../src/runner/browserRunner.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import mps from '../../scenarios/mps-financial-investigators.json';
import { medianOf } from './timing.ts';

declare global {
  interface Window {
    benchResult?: { oneWorker: number; allWorkers: number; workers: number } | { error: string };
  }
}

const ROUNDS = 5;
/** Replications per worker before timing starts: enough for every worker's engine to be compiled. */
const WARM_UP = 60;
const REPLICATIONS = 200;

/** Replications per second on pools of one and of `workers` workers, in alternating rounds. */
async function rates(workers: number): Promise<{ oneWorker: number; allWorkers: number }> {
  const parsed = validateScenario(mps);
  if (!parsed.ok) throw new Error('The MPS scenario is invalid.');
  const scenario = parsed.value;
  const pools = [createBrowserRunner({ size: 1 }), createBrowserRunner({ size: workers })];
  try {
    for (const [i, pool] of pools.entries()) {
      await pool.run({
        scenario,
        seed: 'warm-up',
        replications: (i === 0 ? 1 : workers) * WARM_UP,
      });
    }
    const timings: number[][] = [[], []];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, pool] of pools.entries()) {
        const start = performance.now();
        await pool.run({ scenario, seed: `bench-${round}`, replications: REPLICATIONS });
        timings[i]!.push(REPLICATIONS / ((performance.now() - start) / 1000));
      }
    }
    return { oneWorker: medianOf(timings[0]!), allWorkers: medianOf(timings[1]!) };
  } finally {
    for (const pool of pools) pool.dispose();
  }
}

const workers = 2;
try {
  window.benchResult = { ...(await rates(workers)), workers };
} catch (error) {
  window.benchResult = { error: String(error) };
}
document.getElementById('status')!.textContent = 'Done';
