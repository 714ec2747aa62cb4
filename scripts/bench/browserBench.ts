/**
 * Runs in the benchmark's Chromium page: replications per second of the browser pool on one
 * worker and on two, for the MPS scenario. Results go to `window.benchResult`.
 */
import { createBrowserRunner } from '../../src/runner/browserRunner.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import mps from '../../scenarios/mps-financial-investigators.json';

declare global {
  interface Window {
    benchResult?: { oneWorker: number; allWorkers: number; workers: number } | { error: string };
  }
}

async function rate(size: number, replications: number): Promise<number> {
  const parsed = validateScenario(mps);
  if (!parsed.ok) throw new Error('The MPS scenario is invalid.');
  const runner = createBrowserRunner({ size });
  try {
    await runner.run({ scenario: parsed.value, seed: 'warm-up', replications: size * 20 });
    const start = performance.now();
    await runner.run({ scenario: parsed.value, seed: 'bench', replications });
    return replications / ((performance.now() - start) / 1000);
  } finally {
    runner.dispose();
  }
}

const workers = 2;
try {
  const oneWorker = await rate(1, 200);
  const allWorkers = await rate(workers, 200);
  window.benchResult = { oneWorker, allWorkers, workers };
} catch (error) {
  window.benchResult = { error: String(error) };
}
document.getElementById('status')!.textContent = 'Done';
