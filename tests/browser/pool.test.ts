import { wrap } from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run.ts';
import { createBrowserRunner } from '../../src/runner/browserRunner.ts';
import { WorkerPool, type PoolWorker } from '../../src/runner/pool.ts';
import { RunCancelled } from '../../src/runner/runner.ts';
import type { WorkerApi } from '../../src/runner/workerApi.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import { faultyWorkers } from '../runner/faultyWorkers.ts';
import small from '../runner/fixtures/small-scenario.json';

const parsed = validateScenario(small);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const scenario = parsed.value;
const SEED = 'browser-pool';
const REPLICATIONS = 60;
const summaryOf = (seed: string) =>
  JSON.stringify(runScenario(scenario, { seed, replications: REPLICATIONS }).summary());
const reference = summaryOf(SEED);

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

  it('runs two requests at once, each giving its in-thread summary', async () => {
    const runner = pool({ size: 2 });
    const [first, second] = await Promise.all(
      [SEED, 'another seed'].map((seed) =>
        runner.run({ scenario, seed, replications: REPLICATIONS, chunkSize: 7 }),
      ),
    );
    expect(JSON.stringify(first!.summary())).toBe(reference);
    expect(JSON.stringify(second!.summary())).toBe(summaryOf('another seed'));
  });

  it('replaces a worker that crashes and still gives the same results', async () => {
    // Module workers as the browser runner starts them, the one running replication 20 killed.
    const moduleWorker = (): PoolWorker => {
      const worker = new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), {
        type: 'module',
      });
      return {
        api: wrap<WorkerApi>(worker),
        died: new Promise<never>(() => {}),
        terminate: () => worker.terminate(),
      };
    };
    const runner = new WorkerPool(
      faultyWorkers(moduleWorker, { at: 20, kind: 'crash', times: 1 }),
      {
        size: 2,
      },
    );
    pools.push(runner);
    const aggregate = await runner.run({
      scenario,
      seed: SEED,
      replications: REPLICATIONS,
      chunkSize: 20,
    });
    expect(JSON.stringify(aggregate.summary())).toBe(reference);
  });
});
