import type { RunAggregate } from '../engine/aggregate/runAggregate.ts';
import { RunCancelled, type RunOptions, type RunRequest, type Runner } from '../runner/runner.ts';
import type { Scenario } from '../scenario/schema.ts';

/**
 * The page's one runner, shared by the results and the decision tools: made on first use, it
 * runs one request at a time, in the order they were asked for. A worker pool runs one request
 * at a time, so a run asked for while another goes on waits its turn (a sweep's runs and a main
 * run take turns) rather than failing; one cancelled while it waits leaves the queue at once.
 * After a run fails the pool may be unusable, so the next run gets a new one of the same size.
 */
export class RunQueue implements Runner {
  private runner: Runner | undefined;
  /** Settles when the last request asked for has finished, however it ended. */
  private tail: Promise<unknown> = Promise.resolve();
  /** The size set by `resize`, kept for a runner made afresh. */
  private size: number | undefined;

  constructor(private readonly createRunner: () => Runner) {}

  private get current(): Runner {
    if (!this.runner) {
      this.runner = this.createRunner();
      if (this.size !== undefined) this.runner.resize?.(this.size);
    }
    return this.runner;
  }

  run(request: RunRequest, options: RunOptions = {}): Promise<RunAggregate> {
    const { signal } = options;
    const previous = this.tail;
    let finished!: () => void;
    this.tail = new Promise<void>((resolve) => (finished = resolve));
    return new Promise<RunAggregate>((resolve, reject) => {
      // A request cancelled while it waits rejects at once; its turn still passes in order.
      const leave = () => reject(new RunCancelled());
      if (signal?.aborted) leave();
      signal?.addEventListener('abort', leave, { once: true });
      void previous.then(async () => {
        signal?.removeEventListener('abort', leave);
        try {
          if (signal?.aborted) throw new RunCancelled();
          const runner = this.current;
          try {
            resolve(await runner.run(request, options));
          } catch (error) {
            if (!(error instanceof RunCancelled) && this.runner === runner) this.renew();
            throw error;
          }
        } catch (error) {
          reject(error);
        } finally {
          finished();
        }
      });
    });
  }

  /** Ends the runner after a failure; the next run makes a new one with as many workers. */
  private renew(): void {
    const size = this.runner?.poolSize;
    this.runner?.dispose();
    this.runner = undefined;
    if (size !== undefined) this.size = size;
  }

  warm(scenario?: Scenario): void {
    this.current.warm?.(scenario);
  }

  /** Workers later runs use, when the runner has workers (known once it is made or sized). */
  get poolSize(): number | undefined {
    return this.runner?.poolSize ?? this.size;
  }

  resize(size: number): void {
    this.size = size;
    this.current.resize?.(size);
  }

  dispose(): void {
    this.runner?.dispose();
    this.runner = undefined;
  }
}
