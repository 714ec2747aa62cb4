import type { WorkerApi } from './workerApi.ts';

/**
 * A worker's API as the page calls it, each call answered by a promise: what comlink's
 * `wrap<WorkerApi>` gives, and all a fake worker in a test has to provide.
 */
export type WorkerCalls = {
  [K in keyof WorkerApi]: (
    ...args: Parameters<WorkerApi[K]>
  ) => Promise<Awaited<ReturnType<WorkerApi[K]>>>;
};

/** One worker as the pool sees it, whatever kind of thread runs it. */
export interface PoolWorker {
  readonly api: WorkerCalls;
  /** Rejects when the worker dies by itself (an uncaught error, an exit); never resolves. */
  readonly died: Promise<never>;
  /** Ends the worker at once, even mid-chunk. */
  terminate(): void;
}

/** Starts one worker. */
export type WorkerFactory = () => PoolWorker;

/**
 * A worker the pool has started, with what the pool knows of it: whether it is still alive and
 * which run it has compiled its scenario for.
 */
export class WorkerSlot {
  /** The run this worker is prepared for; 0 for none. */
  preparedRun = 0;
  private deathError: Error | undefined;
  private ended = false;
  /** Calls sent to the worker and not yet answered. */
  private unanswered = 0;
  /** Called once every call sent has been answered. */
  private readonly onQuiet = new Set<() => void>();
  /** Called if the worker dies. Listeners, not a race against `died`: see `guard`. */
  private readonly onDeath = new Set<(error: Error) => void>();

  constructor(readonly worker: PoolWorker) {
    worker.died.catch((error: unknown) => {
      this.deathError = asError(error);
      for (const die of [...this.onDeath]) die(this.deathError);
    });
  }

  get api(): WorkerCalls {
    return this.worker.api;
  }

  /** Neither dead by itself nor ended by the pool. */
  get alive(): boolean {
    return !this.ended && this.deathError === undefined;
  }

  /** Notes a call sent to the worker, so `quiet` can wait for its answer. */
  sent<T>(call: Promise<T>): Promise<T> {
    this.unanswered++;
    const answered = () => {
      if (--this.unanswered > 0) return;
      for (const done of [...this.onQuiet]) done();
      this.onQuiet.clear();
    };
    call.then(answered, answered);
    return call;
  }

  /**
   * Resolves once the worker has answered every call sent to it, or rejects if it dies or takes
   * longer than `limitMs`.
   */
  quiet(limitMs: number): Promise<void> {
    const answered = new Promise<void>((resolve) =>
      this.unanswered === 0 ? resolve() : this.onQuiet.add(resolve),
    );
    return this.guard(answered, limitMs, new AbortController().signal);
  }

  /** Ends the worker; ending it again does nothing. */
  terminate(): void {
    if (this.ended) return;
    this.ended = true;
    this.worker.terminate();
  }

  /**
   * Waits for the worker's answer, unless it dies, takes longer than `hangMs` or `signal` aborts
   * first (then rejects with the signal's reason). Written with listeners that are removed once
   * the answer is in: a Promise.race against the worker's long-lived `died` promise would keep
   * every chunk's result reachable until the worker ends.
   */
  guard<T>(answer: Promise<T>, hangMs: number, signal: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.deathError) return reject(this.deathError);
      if (signal.aborted) return reject(asError(signal.reason));
      const fail = (error: Error) => {
        finish();
        reject(error);
      };
      const abort = () => fail(asError(signal.reason));
      const timer = setTimeout(
        () => fail(new Error(`The worker did not answer within ${Math.round(hangMs)} ms.`)),
        hangMs,
      );
      const finish = () => {
        clearTimeout(timer);
        this.onDeath.delete(fail);
        signal.removeEventListener('abort', abort);
      };
      this.onDeath.add(fail);
      signal.addEventListener('abort', abort);
      answer.then(
        (value) => {
          finish();
          resolve(value);
        },
        (error: unknown) => fail(asError(error)),
      );
    });
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
