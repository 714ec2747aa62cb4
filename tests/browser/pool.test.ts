import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run.ts';
import { createBrowserRunner } from '../../src/runner/browserRunner.ts';
import type { WorkerPool } from '../../src/runner/pool.ts';
import { RunCancelled } from '../../src/runner/runner.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import small from '../runner/fixtures/small-scenario.json';

const parsed = validateScenario(small);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const scenario = parsed.value;
const SEED = 'browser-pool';
const REPLICATIONS = 60;
const reference = JSON.stringify(
  runScenario(scenario, { seed: SEED, replications: REPLICATIONS }).summary(),
);

const pools: WorkerPool[] = [];
function pool(options: Parameters<typeof createBrowserRunner>[0]): WorkerPool {
  const created = createBrowserRunner(options);
  pools.push(created);
  return created;
}
afterAll(() => {
  for (const p of pools) p.dispose();
});

describe('the browser worker pool', () => {
  it.each([1, 2])('gives the in-thread summary exactly with %i workers', async (size) => {
    const aggregate = await pool({ size }).run({
      scenario,
      seed: SEED,
      replications: REPLICATIONS,
      chunkSize: 7,
    });
    expect(JSON.stringify(aggregate.summary())).toBe(reference);
  });

  it('rejects with RunCancelled when aborted, and runs again afterwards', async () => {
    const runner = pool({ size: 2 });
    const controller = new AbortController();
    let merged = 0;
    const cancelled = runner.run(
      { scenario, seed: SEED, replications: 20_000, chunkSize: 10 },
      {
        signal: controller.signal,
        onPartial: (aggregate) => {
          merged = aggregate.replications;
          controller.abort();
        },
      },
    );
    await expect(cancelled).rejects.toBeInstanceOf(RunCancelled);
    expect(merged).toBeGreaterThan(0);
    expect(merged).toBeLessThan(20_000);
    const again = await runner.run({ scenario, seed: SEED, replications: REPLICATIONS });
    expect(JSON.stringify(again.summary())).toBe(reference);
  });

  it('replaces a worker that crashes and still gives the same results', async () => {
    const aggregate = await pool({ size: 2, faults: { chunk: 1, fault: 'crash', times: 1 } }).run({
      scenario,
      seed: SEED,
      replications: REPLICATIONS,
      chunkSize: 20,
    });
    expect(JSON.stringify(aggregate.summary())).toBe(reference);
  });
});
