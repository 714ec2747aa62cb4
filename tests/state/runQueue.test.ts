import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run.ts';
import { InThreadRunner } from '../../src/runner/inThreadRunner.ts';
import { RunCancelled, RunFailed, type Runner } from '../../src/runner/runner.ts';
import { RunQueue } from '../../src/state/runQueue.ts';
import { smallScenario } from '../results/smallRun.ts';

const scenario = smallScenario();

/** A runner that, like a worker pool, refuses a second run while one goes on. */
function oneAtATime(log: string[] = []) {
  const inner = new InThreadRunner();
  let size = 2;
  const record = { disposed: false, resized: [] as number[] };
  let running = false;
  const runner: Runner = {
    get poolSize() {
      return size;
    },
    resize: (next) => {
      size = next;
      record.resized.push(next);
    },
    dispose: () => (record.disposed = true),
    run: async (request, options) => {
      if (running) throw new Error('This pool is already running; cancel that run first.');
      running = true;
      log.push(`start ${request.seed}`);
      try {
        return await inner.run(request, options);
      } finally {
        log.push(`end ${request.seed}`);
        running = false;
      }
    },
  };
  return { runner, record };
}

describe('RunQueue', () => {
  it('makes its runner on first use only', () => {
    let made = 0;
    const queue = new RunQueue(() => {
      made++;
      return oneAtATime().runner;
    });
    expect(made).toBe(0);
    expect(queue.poolSize).toBeUndefined();
    queue.warm(scenario);
    queue.warm(scenario);
    expect(made).toBe(1);
    expect(queue.poolSize).toBe(2);
  });

  it('runs requests asked for together one after another, in order, with the results of each alone', async () => {
    const log: string[] = [];
    const { runner } = oneAtATime(log);
    const queue = new RunQueue(() => runner);
    const [a, b, c] = await Promise.all(
      ['a', 'b', 'c'].map((seed) => queue.run({ scenario, seed, replications: 10 })),
    );
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(JSON.stringify(b!.summary())).toBe(
      JSON.stringify(runScenario(scenario, { seed: 'b', replications: 10 }).summary()),
    );
    expect(a!.replications + c!.replications).toBe(20);
  });

  it('lets a request cancelled while it waits leave at once, and the next still waits its turn', async () => {
    const log: string[] = [];
    const queue = new RunQueue(() => oneAtATime(log).runner);
    const first = queue.run({ scenario, seed: 'a', replications: 10 });
    const controller = new AbortController();
    const second = queue.run(
      { scenario, seed: 'b', replications: 10 },
      { signal: controller.signal },
    );
    const third = queue.run({ scenario, seed: 'c', replications: 10 });
    controller.abort();
    await expect(second).rejects.toBeInstanceOf(RunCancelled);
    expect(log).toEqual(['start a']);
    await Promise.all([first, third]);
    expect(log).toEqual(['start a', 'end a', 'start c', 'end c']);
  });

  it('runs the next request on a new runner of the same size after a run fails', async () => {
    const made: ReturnType<typeof oneAtATime>[] = [];
    const queue = new RunQueue(() => {
      const runner = oneAtATime();
      made.push(runner);
      if (made.length === 1) {
        runner.runner.run = () => Promise.reject(new RunFailed('A worker crashed.', 'S', 'a'));
      }
      return runner.runner;
    });
    queue.resize(3);
    await expect(queue.run({ scenario, seed: 'a', replications: 10 })).rejects.toBeInstanceOf(
      RunFailed,
    );
    expect(made[0]!.record.disposed).toBe(true);
    expect(queue.poolSize).toBe(3);
    const aggregate = await queue.run({ scenario, seed: 'a', replications: 10 });
    expect(aggregate.replications).toBe(10);
    expect(made).toHaveLength(2);
    expect(made[1]!.record.resized).toEqual([3]);
  });

  it('keeps its runner after a cancelled run', async () => {
    const made: ReturnType<typeof oneAtATime>[] = [];
    const queue = new RunQueue(() => {
      made.push(oneAtATime());
      return made.at(-1)!.runner;
    });
    const controller = new AbortController();
    const cancelled = queue.run(
      { scenario, seed: 'a', replications: 500, chunkSize: 10 },
      { signal: controller.signal, onPartial: () => controller.abort() },
    );
    await expect(cancelled).rejects.toBeInstanceOf(RunCancelled);
    await queue.run({ scenario, seed: 'b', replications: 10 });
    expect(made).toHaveLength(1);
    expect(made[0]!.record.disposed).toBe(false);
  });
});
