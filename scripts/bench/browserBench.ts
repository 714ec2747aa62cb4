/**
 * Runs in the benchmark's Chromium page: replications per second of the browser pool on one
 * worker and on two, for the MPS scenario, in pairs of runs of about the same length (as in Node).
 * Results go to `window.benchResult`.
 */
import { wrap } from 'comlink';
import { createBrowserRunner } from '../../src/runner/browserRunner.ts';
import type { WorkerApi } from '../../src/runner/workerApi.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import mps from '../../scenarios/mps-financial-investigators.json';
import { chunkSlowdown, runsOf, scalingRates, type PairedRates } from './timing.ts';

declare global {
  interface Window {
    benchResult?:
      | { rates: PairedRates; workers: number; perWorker: number; chunkSlowdown: number }
      | { error: string };
  }
}

const ROUNDS = 15;
/** Rounds of the bare workers' chunk timing. */
const BARE_ROUNDS = 7;
/**
 * Replications per worker in a timed run: about two seconds of the MPS built-in on one worker on
 * this machine, so the pool's start and finish weigh little on the ratio.
 */
const PER_WORKER = 280;

/** Replications per second on pools of one and of `workers` workers, in pairs of runs. */
async function rates(scenario: Scenario, workers: number): Promise<PairedRates> {
  const pools = [createBrowserRunner({ size: 1 }), createBrowserRunner({ size: workers })];
  try {
    const [one, many] = pools.map((pool) => runsOf(pool, scenario));
    return await scalingRates(ROUNDS, PER_WORKER, workers, one!, many!);
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
      BARE_ROUNDS,
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
    perWorker: PER_WORKER,
    chunkSlowdown: await browserChunkSlowdown(parsed.value, workers),
  };
} catch (error) {
  window.benchResult = { error: String(error) };
}
document.getElementById('status')!.textContent = 'Done';
