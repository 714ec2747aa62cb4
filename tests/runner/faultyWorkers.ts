import type { WorkerCalls, WorkerFactory } from '../../src/runner/pool.ts';

/**
 * A failure the chunk beginning at replication `at` suffers on its first `times` attempts,
 * whichever worker runs it: `crash` kills the worker (as an uncaught error in the engine would),
 * `hang` never answers.
 */
export interface Fault {
  at: number;
  kind: 'crash' | 'hang';
  times: number;
}

/**
 * Workers from `factory` that suffer `fault`. A crash comes once the worker has answered the
 * chunks it was asked for before the faulty one, as a worker that reads its messages in order
 * would; it ends the worker and rejects its `died` with "Injected crash at replication …".
 */
export function faultyWorkers(factory: WorkerFactory, fault: Fault): WorkerFactory {
  let left = fault.times;
  return () => {
    const worker = factory();
    let crash!: (error: Error) => void;
    const crashed = new Promise<never>((_, reject) => (crash = reject));
    const died = Promise.race([worker.died, crashed]);
    died.catch(() => {});
    let last: Promise<unknown> = Promise.resolve();
    const runChunk: WorkerCalls['runChunk'] = (runId, seed, start, count) => {
      if (start === fault.at && left > 0) {
        left--;
        if (fault.kind === 'crash') {
          const die = () => {
            worker.terminate();
            crash(new Error(`Injected crash at replication ${start}.`));
          };
          last.then(die, die);
        }
        return new Promise(() => {});
      }
      const answer = worker.api.runChunk(runId, seed, start, count);
      last = answer;
      return answer;
    };
    const { api } = worker;
    return {
      api: {
        prepare: (...args) => api.prepare(...args),
        warmUp: (...args) => api.warmUp(...args),
        runChunk,
      },
      died,
      terminate: () => worker.terminate(),
    };
  };
}
