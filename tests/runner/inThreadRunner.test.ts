import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run.ts';
import { InThreadRunner } from '../../src/runner/inThreadRunner.ts';
import { RunCancelled, type RunProgress } from '../../src/runner/runner.ts';
import { smallScenario } from './smallScenario.ts';

const scenario = smallScenario();

describe('InThreadRunner', () => {
  it('gives exactly the summary of runScenario', async () => {
    const reference = runScenario(scenario, { seed: 's', replications: 40 }).summary();
    const aggregate = await new InThreadRunner().run({
      scenario,
      seed: 's',
      replications: 40,
      chunkSize: 7,
    });
    expect(JSON.stringify(aggregate.summary())).toBe(JSON.stringify(reference));
  });

  it('stops between chunks with RunCancelled once aborted', async () => {
    const controller = new AbortController();
    let merged = 0;
    const run = new InThreadRunner().run(
      { scenario, seed: 's', replications: 1000, chunkSize: 5 },
      {
        signal: controller.signal,
        onPartial: (aggregate) => {
          merged = aggregate.replications;
          controller.abort();
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(RunCancelled);
    expect(merged).toBe(5);
  });

  it('reports progress ending at the total', async () => {
    const reports: RunProgress[] = [];
    await new InThreadRunner().run(
      { scenario, seed: 's', replications: 20, chunkSize: 10 },
      { onProgress: (p) => reports.push(p) },
    );
    expect(reports[0]!.done).toBe(0);
    expect(Number.isNaN(reports[0]!.remainingMs)).toBe(true);
    expect(reports.at(-1)!.done).toBe(20);
  });
});
