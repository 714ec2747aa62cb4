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
import { medianOf, pairedRates, type PairedRates } from './timing.ts';

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

/**
 * How much longer a worker takes over the same chunk while `workers` workers compute at once
 * than while it computes alone: the machine's own limit on scaling (shared caches, memory, the
 * host), whatever the pool does. Timed on bare workers, one chunk at a time each.
 */
async function chunkSlowdown(scenario: Scenario, workers: number): Promise<number> {
  const made = Array.from(
    { length: workers },
    () =>
      new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), {
        type: 'module',
      }),
  );
  try {
    const apis = made.map((worker) => wrap<WorkerApi>(worker));
    await Promise.all(apis.map((api) => api.prepare(1, scenario)));
    const chunkTimes = async (api: (typeof apis)[number], seed: string) => {
      const times: number[] = [];
      for (let i = 0; i < 8; i++) {
        const start = performance.now();
        await api.runChunk(1, seed, i * 6, 6);
        times.push(performance.now() - start);
      }
      return times;
    };
    await Promise.all(apis.map((api) => chunkTimes(api, 'warm-up')));
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const alone = medianOf(await chunkTimes(apis[0]!, `alone-${round}`));
      const together = await Promise.all(apis.map((api) => chunkTimes(api, `together-${round}`)));
      ratios.push(medianOf(together.flat()) / alone);
    }
    return medianOf(ratios);
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
    chunkSlowdown: await chunkSlowdown(parsed.value, workers),
  };
} catch (error) {
  window.benchResult = { error: String(error) };
}
document.getElementById('status')!.textContent = 'Done';
