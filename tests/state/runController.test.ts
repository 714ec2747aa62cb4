import { describe, expect, it } from 'vitest';
import { RunAggregate } from '../../src/engine/aggregate/runAggregate.ts';
import { runScenario } from '../../src/engine/run.ts';
import { InThreadRunner } from '../../src/runner/inThreadRunner.ts';
import { RunFailed, type Runner } from '../../src/runner/runner.ts';
import { RunController, SUMMARY_INTERVAL_MS } from '../../src/state/runController.svelte.ts';
import { smallScenario } from '../results/smallRun.ts';

/**
 * An in-thread runner in chunks of 10 replications that calls `after(partial)` once the
 * controller has been told of each merge.
 */
function watchedRunner(after: (partial: RunAggregate) => void): Runner {
  const runner = new InThreadRunner();
  return {
    run: (request, options) =>
      runner.run(
        { ...request, chunkSize: 10 },
        {
          ...options,
          onPartial: (partial) => {
            options?.onPartial?.(partial);
            after(partial);
          },
        },
      ),
    dispose: () => {},
  };
}

describe('RunController', () => {
  const scenario = smallScenario();

  it('runs, shows the results and remembers what they were run from', async () => {
    const control = new RunController(new InThreadRunner());
    await control.run(scenario, { seed: 'a', replications: 20 }, 7);
    expect(control.status).toBe('done');
    expect(control.summary?.replications).toBe(20);
    expect(control.shown).toMatchObject({
      seed: 'a',
      replications: 20,
      revision: 7,
      complete: true,
    });
    expect(control.isOutOfDate(7)).toBe(false);
    expect(control.isOutOfDate(8)).toBe(true);
  });

  it('summarises partial results no more often than SUMMARY_INTERVAL_MS', async () => {
    let clock = 0;
    const seen: number[] = [];
    const box: { control?: RunController } = {};
    const spy = watchedRunner(() => {
      seen.push(box.control?.summary?.replications ?? 0);
      clock += (2 * SUMMARY_INTERVAL_MS) / 5;
    });
    const control = new RunController(spy, () => clock);
    box.control = control;
    await control.run(scenario, { seed: 'a', replications: 80 }, 0);
    // Chunks of 10 replications two fifths of the interval apart: partial summaries of the
    // chunks merged at 0, 1.2 and 2.4 intervals only (each shown once its statistics are
    // brought up to date, between tasks).
    expect([...new Set(seen.filter((n) => n > 0))]).toEqual([10, 40, 70]);
    expect(control.summary?.replications).toBe(80);
  });

  it('merges chunks between redraws, so they never pile up to be merged in one task', async () => {
    const queued: number[] = [];
    const control = new RunController(
      watchedRunner((partial) => queued.push(partial.queuedChunks)),
      () => 0,
    );
    await control.run(scenario, { seed: 'a', replications: 300 }, 0);
    // With the clock stopped only the first partial is redrawn; every later chunk's sketches
    // are merged in slices before the next arrives, far below the 16 that add() lets wait.
    expect(queued).toHaveLength(30);
    expect(Math.max(...queued.slice(1))).toBeLessThanOrEqual(2);
    expect(JSON.stringify(control.summary)).toBe(
      JSON.stringify(runScenario(scenario, { seed: 'a', replications: 300 }).summary()),
    );
  });

  it('cancels on request before anything is shown', async () => {
    const control = new RunController(new InThreadRunner());
    const running = control.run(scenario, { seed: 'a', replications: 500 }, 0);
    control.cancel();
    await running;
    expect(control.status).toBe('cancelled');
    expect(control.shown).toBeUndefined();
    expect(control.message).toBe('Run cancelled.');
  });

  it('keeps the results shown when cancelled: those of a shorter run with the same seed', async () => {
    const box: { control?: RunController } = {};
    let merged = 0;
    const cancelOnceShown = watchedRunner((partial) => {
      merged = partial.replications;
      // Cancelled a chunk after the first redraw, so more is merged than was shown.
      if (box.control?.shown && merged > box.control.shown.done) box.control.cancel();
    });
    const control = new RunController(cancelOnceShown);
    box.control = control;
    await control.run(scenario, { seed: 'a', replications: 500 }, 3);
    expect(control.status).toBe('cancelled');
    const done = control.shown!.done;
    expect(done).toBe(merged);
    expect(done).toBeLessThan(500);
    expect(control.shown).toMatchObject({ seed: 'a', replications: 500, complete: false });
    expect(control.message).toContain(`${done} replications that finished`);
    expect(JSON.stringify(control.summary)).toBe(
      JSON.stringify(runScenario(scenario, { seed: 'a', replications: done }).summary()),
    );
  });

  it('says what happened when a run fails and how to go on', async () => {
    const failing: Runner = {
      run: () => Promise.reject(new RunFailed('A worker crashed.', 'MPS', 'seed-9')),
      dispose: () => {},
    };
    const control = new RunController(failing);
    await control.run(scenario, { seed: 'seed-9', replications: 10 }, 0);
    expect(control.status).toBe('failed');
    expect(control.error).toContain('A worker crashed.');
    expect(control.error).toContain('seed-9');
    expect(control.error).toMatch(/scenario is unchanged/);
  });

  it('keeps what was shown when a run fails', async () => {
    const inner = new InThreadRunner();
    const failing: Runner = {
      dispose: () => {},
      run: async (request, options) => {
        await inner.run({ ...request, replications: 20 }, options);
        throw new RunFailed('A worker crashed.', scenario.name, request.seed);
      },
    };
    const control = new RunController(failing);
    await control.run(scenario, { seed: 'a', replications: 100 }, 0);
    expect(control.status).toBe('failed');
    expect(control.shown?.done).toBe(20);
    expect(control.summary?.replications).toBe(20);
  });

  it('keeps no reference to a run replaced by a newer one', async () => {
    const control = new RunController(new InThreadRunner());
    const first = control.run(scenario, { seed: 'a', replications: 200 }, 1);
    const second = control.run(scenario, { seed: 'b', replications: 10 }, 2);
    await Promise.all([first, second]);
    expect(control.shown?.seed).toBe('b');
    expect(control.summary?.replications).toBe(10);
    expect(control.aggregate).toBeInstanceOf(RunAggregate);
  });
});

describe('RunController pool size', () => {
  const scenario = smallScenario();

  /** A runner with workers, counting what it was asked. */
  function sizedRunner(size: number) {
    const runner = new InThreadRunner() as InThreadRunner & {
      poolSize: number;
      resize(size: number): void;
    };
    runner.poolSize = size;
    runner.resize = (next) => (runner.poolSize = next);
    return runner;
  }

  it('reports the pool size once warmed, and sets it for later runs with the same results', async () => {
    const runner = sizedRunner(3);
    const control = new RunController(runner);
    expect(control.poolSize).toBeUndefined();
    control.warm();
    expect(control.poolSize).toBe(3);
    await control.run(scenario, { seed: 'a', replications: 12 }, 1);
    const before = JSON.stringify(control.summary);
    control.setPoolSize(1);
    expect(runner.poolSize).toBe(1);
    expect(control.poolSize).toBe(1);
    await control.run(scenario, { seed: 'a', replications: 12 }, 1);
    expect(JSON.stringify(control.summary)).toBe(before);
  });

  it('has no pool size for a runner without workers', () => {
    const control = new RunController(new InThreadRunner());
    control.warm();
    expect(control.poolSize).toBeUndefined();
  });
});
