import type { RunAggregate } from '../engine/aggregate/runAggregate.ts';
import type { Scenario } from '../scenario/schema.ts';
import { DEFAULT_MIN_HANG_MS, PoolRun, type WorkerLender } from './poolRun.ts';
import { RunCancelled, type RunOptions, type RunRequest, type Runner } from './runner.ts';
import { warmUp } from './warmUp.ts';
import { WorkerSlot, type WorkerFactory } from './workerSlot.ts';

export type { PoolWorker, WorkerCalls, WorkerFactory } from './workerSlot.ts';

/**
 * Longest a worker given back by a cancelled run may take to finish the chunks it holds before
 * it is ended instead: a chunk is planned at about a tenth of a second, so this is many of them.
 */
export const QUIET_LIMIT_MS = 5_000;

export interface PoolOptions {
  /** Workers to run at once; at least 1. */
  size: number;
  /**
   * Shortest time a chunk may take before its worker is declared hung. The actual limit adds the
   * chunk's expected work (MS_PER_EXPECTED_ITEM per item), and grows with the slowest chunk seen
   * so far (HANG_FACTOR times it), so neither big chunks nor slow machines are punished.
   */
  minHangMs?: number;
}

/**
 * A Runner on workers made by `factory`. Each run is a PoolRun with up to `size` lanes, each
 * lane holding one worker for as long as it has chunks; workers are lent from those idle and
 * started when none are. Runs may overlap: each has workers of its own meanwhile, so the pool
 * then holds more than `size`, and ends the extra ones as runs give them back. Idle workers,
 * up to `size`, are kept for the next run.
 */
export class WorkerPool implements Runner {
  /** Live workers no run holds, ready for the next. */
  private readonly idle: WorkerSlot[] = [];
  /** Workers a run holds now. */
  private readonly leased = new Set<WorkerSlot>();
  /** Workers given back by a cancelled run, finishing the chunks they hold. */
  private readonly finishing = new Set<WorkerSlot>();
  /** Leases waiting for a finishing worker, woken when one is kept or ended. */
  private readonly waiting = new Set<() => void>();
  private readonly runs = new Set<PoolRun>();
  private runCount = 0;
  private size: number;
  private readonly lender: WorkerLender = {
    lease: () => this.lease(),
    release: (slot, busy) => this.release(slot, busy),
  };

  constructor(
    private readonly factory: WorkerFactory,
    private readonly options: PoolOptions,
  ) {
    this.size = checkSize(options.size);
  }

  get poolSize(): number {
    return this.size;
  }

  /**
   * Changes how many workers later runs use. A run under way keeps the workers it has: any beyond
   * the new size are ended when it gives them back.
   */
  resize(size: number): void {
    this.size = checkSize(size);
    this.trim();
  }

  async run(request: RunRequest, options: RunOptions = {}): Promise<RunAggregate> {
    if (options.signal?.aborted) throw new RunCancelled();
    const run = new PoolRun(
      ++this.runCount,
      request,
      options,
      this.size,
      this.lender,
      this.options.minHangMs ?? DEFAULT_MIN_HANG_MS,
    );
    this.runs.add(run);
    try {
      return await run.done();
    } finally {
      this.runs.delete(run);
      this.trim();
    }
  }

  /**
   * Starts workers up to the pool's size. Given a scenario, each new worker warms up on it until
   * a run begins (that run compiles the engine itself); a warm-up that fails says nothing a run would not say again, and the run
   * reports it.
   */
  warm(scenario?: Scenario): void {
    this.dropDead();
    while (this.idle.length + this.leased.size + this.finishing.size < this.size) {
      const slot = new WorkerSlot(this.factory());
      this.idle.push(slot);
      if (!scenario) continue;
      const runsBefore = this.runCount;
      const stop = () => this.runCount !== runsBefore || !slot.alive;
      warmUp(slot.api, scenario, stop).catch(() => {});
    }
  }

  dispose(): void {
    for (const run of [...this.runs]) run.halt(new RunCancelled());
    for (const slot of [...this.idle, ...this.leased, ...this.finishing]) slot.terminate();
    this.idle.length = 0;
    this.leased.clear();
    this.finishing.clear();
    this.wake();
  }

  /**
   * A live worker for one run: an idle one if there is one; else, while workers given back by a
   * cancelled run fill the pool, the first of them to finish (already compiled, so sooner to
   * answer than a new one); else a new one.
   */
  private async lease(): Promise<WorkerSlot> {
    for (;;) {
      this.dropDead();
      const slot = this.idle.shift();
      if (slot) {
        this.leased.add(slot);
        return slot;
      }
      if (this.finishing.size === 0 || this.leased.size + this.finishing.size < this.size) break;
      await new Promise<void>((resolve) => this.waiting.add(resolve));
    }
    const slot = new WorkerSlot(this.factory());
    this.leased.add(slot);
    return slot;
  }

  /**
   * Keeps a worker a run gives back if it is alive and the pool has room, else ends it; one that
   * may still be running a cancelled run's chunks is kept once it has answered them.
   */
  private release(slot: WorkerSlot, busy = false): void {
    this.leased.delete(slot);
    if (busy && slot.alive) {
      this.finishing.add(slot);
      const done = () => {
        if (!this.finishing.delete(slot)) return;
        this.keep(slot);
        this.wake();
      };
      slot.quiet(QUIET_LIMIT_MS).then(done, () => {
        slot.terminate();
        done();
      });
      return;
    }
    this.keep(slot);
  }

  private keep(slot: WorkerSlot): void {
    if (slot.alive && this.idle.length + this.leased.size < this.size) this.idle.push(slot);
    else slot.terminate();
  }

  /** Lets waiting leases look again. */
  private wake(): void {
    for (const go of [...this.waiting]) go();
    this.waiting.clear();
  }

  /** Ends idle workers beyond the pool's size, counting those runs hold. */
  private trim(): void {
    while (this.idle.length > 0 && this.idle.length + this.leased.size > this.size) {
      this.idle.pop()!.terminate();
    }
  }

  /** Ends and forgets idle workers that died by themselves. */
  private dropDead(): void {
    for (const slot of this.idle.filter((s) => !s.alive)) {
      slot.terminate();
      this.idle.splice(this.idle.indexOf(slot), 1);
    }
  }
}

function checkSize(size: number): number {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`A pool needs a whole number of workers, at least 1 (got ${size}).`);
  }
  return size;
}
