/**
 * Runs in the benchmark's Chromium page: replications per second of the browser pool on one
 * worker and on two, for the MPS scenario, as the medians of alternating rounds (as in Node).
 * Results go to `window.benchResult`.
 */
import { wrap } from 'comlink';
import { createBrowserRunner } from '../../src/runner/browserRunner.ts';
import type { WorkerApi } from '../../src/runner/workerApi.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import mps from '../../scenarios/mps-financial-investigators.json';
import { chunkSlowdown, pairedRates, type PairedRates } from './timing.ts';

declare global {
  interface Window {
    benchResult?:
      { rates: PairedRates; workers: number; chunkSlowdown: number } | { error: string };
  }
}

const ROUNDS = 7;
/** Replications per worker before timing starts: enough for every worker's engine to be compiled. */
const WARM_UP = 60;
const REPLICATIONS = 200;

/** Replications per second on pools of one and of `workers` workers, in pairs of rounds. */
async function rates(scenario: Scenario, workers: number): Promise<PairedRates> {
  const pools = [createBrowserRunner({ size: 1 }), createBrowserRunner({ size: workers })];
  try {
    for (const [i, pool] of pools.entries()) {
      await pool.run({
        scenario,
        seed: 'warm-up',
        replications: (i === 0 ? 1 : workers) * WARM_UP,
      });
    }
    const rate = async (pool: (typeof pools)[number], round: number) => {
      const start = performance.now();
      await pool.run({ scenario, seed: `bench-${round}`, replications: REPLICATIONS });
      return REPLICATIONS / ((performance.now() - start) / 1000);
    };
    return await pairedRates(
      ROUNDS,
      (round) => rate(pools[0]!, round),
      (round) => rate(pools[1]!, round),
    );
  } finally {
    for (const pool of pools) pool.dispose();
  }
}

/** chunkSlowdown on bare module workers in this page. */
async function browserChunkSlowdown(scenario: Scenario, workers: number): Promise<number> {
  const made = Array.from(
    { length: workers },
    () =>
      new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), {
        type: 'module',
      }),
  );
  try {
    return await chunkSlowdown(
      made.map((worker) => wrap<WorkerApi>(worker)),
      scenario,
      ROUNDS,
    );
  } finally {
    for (const worker of made) worker.terminate();
  }
}

const workers = 2;
try {
  const parsed = validateScenario(mps);
  if (!parsed.ok) throw new Error('The MPS scenario is invalid.');
  window.benchResult = {
    rates: await rates(parsed.value, workers),
    workers,
    chunkSlowdown: await browserChunkSlowdown(parsed.value, workers),
  };
} catch (error) {
  window.benchResult = { error: String(error) };
}
document.getElementById('status')!.textContent = 'Done';
