import { RunAggregate } from '../engine/aggregate/runAggregate.ts';
import type { ChunkResult } from '../engine/chunk.ts';
import { modelLayout } from '../engine/model.ts';
import { chunkPlan, expectedWorkPerReplication } from './chunkPlan.ts';
import { OrderedMerge } from './orderedMerge.ts';
import { ProgressClock } from './progressClock.ts';
import { isScenarioLimit } from './scenarioLimit.ts';
import { RunCancelled, RunFailed, type RunOptions, type RunRequest } from './runner.ts';
import type { WorkerSlot } from './workerSlot.ts';

export const DEFAULT_MIN_HANG_MS = 30_000;
export const HANG_FACTOR = 20;
/**
 * Time a chunk may take per expected item (suspect, product, staff flow) on top of the floor,
 * in milliseconds: far above what the slowest machine needs, so a big chunk of a valid file is
 * never taken for a hung worker before any chunk has finished to set the pace.
 */
export const MS_PER_EXPECTED_ITEM = 0.02;

/**
 * How long a chunk of `count` replications may take before its worker is declared hung: the
 * floor plus the chunk's expected work at MS_PER_EXPECTED_ITEM, or HANG_FACTOR times the slowest
 * chunk so far if that is longer.
 */
export function hangLimitMs(
  minHangMs: number,
  slowestChunkMs: number,
  count: number,
  workPerReplication: number,
): number {
  const budget = count * workPerReplication * MS_PER_EXPECTED_ITEM;
  return Math.max(minHangMs + budget, HANG_FACTOR * slowestChunkMs);
}
/** Time a new worker gets to start (load its code) and compile the scenario. */
export const STARTUP_MS = 30_000;
/** A chunk is tried this many times, each on a fresh worker, before the run fails. */
export const MAX_ATTEMPTS = 2;
/** Chunks a worker holds at once: the one it is running and the next. */
export const CHUNKS_IN_FLIGHT = 2;
/**
 * How far ahead of the first chunk not yet merged the workers may go, in chunks per worker. A
 * chunk that runs long (or hangs until it is rerun) holds back the merging of every later one;
 * this bounds the results kept waiting meanwhile, and the work merged at once when it is in.
 */
export const CHUNKS_AHEAD_PER_WORKER = 4;

/** Where a run gets its workers and gives them back. */
export interface WorkerLender {
  /** A live worker for this run alone until it is given back. */
  lease(): Promise<WorkerSlot>;
  /**
   * Takes back a worker the run is done with, alive or ended. `busy` says it may still be running
   * chunks of a cancelled run, whose answers nobody waits for: it is lent again once it is quiet.
   */
  release(slot: WorkerSlot, busy?: boolean): void;
}

/** A chunk a lane has taken, with the worker's answer once the worker has been asked for it. */
interface QueuedChunk {
  index: number;
  answer?: Promise<ChunkResult>;
}

/**
 * One run on a pool's workers: its chunks (from chunkPlan, independent of the pool size) are
 * shared among `lanes` lanes, each with a worker of its own, and merged in replication order
 * whatever order they finish in, so any number of lanes gives the same result as runScenario,
 * and the same partial results at every point of a run.
 *
 * A worker that dies or hangs is ended and its lane takes a fresh one, which runs the chunk
 * again; a chunk that fails MAX_ATTEMPTS times fails the run. A failure ends the run's busy
 * workers at once; a cancel gives them back to finish the chunks they hold (see `halt`).
 */
export class PoolRun {
  private readonly chunks: [number, number][];
  /** Chunks not yet taken by a lane, by plan index, lowest first. */
  private readonly pending: number[];
  private readonly attempts: number[];
  /** Workers the run uses at once. */
  private readonly lanes: number;
  private readonly aggregate: RunAggregate;
  private readonly merge: OrderedMerge<ChunkResult>;
  private readonly clock: ProgressClock;
  private slowestChunkMs = 0;
  /** Expected items in one replication, which sets each chunk's time before a hang. */
  private readonly workPerReplication: number;
  /** Aborted, with the reason, when the run halts; lanes waiting on a worker stop waiting. */
  private readonly stop = new AbortController();
  /** Workers the run holds now. */
  private readonly busy = new Set<WorkerSlot>();
  /** Called after chunks are merged, so lanes waiting to go ahead look again. */
  private readonly onMerge = new Set<() => void>();

  constructor(
    /** Unique within the pool: tells a worker which run it is prepared for. */
    readonly id: number,
    private readonly request: RunRequest,
    private readonly options: RunOptions,
    poolSize: number,
    private readonly workers: WorkerLender,
    private readonly minHangMs = DEFAULT_MIN_HANG_MS,
  ) {
    this.chunks = chunkPlan(request);
    this.workPerReplication = expectedWorkPerReplication(request.scenario);
    this.pending = this.chunks.map((_, i) => i);
    this.attempts = this.chunks.map(() => 0);
    this.lanes = Math.min(poolSize, this.chunks.length);
    this.aggregate = new RunAggregate(modelLayout(request.scenario), request.replications);
    this.merge = new OrderedMerge(Math.max(1, this.lanes) * CHUNKS_AHEAD_PER_WORKER);
    this.clock = new ProgressClock(request.replications, options.onProgress);
  }

  get halted(): boolean {
    return this.stop.signal.aborted;
  }

  /** Runs every chunk; rejects with the reason the run halted, if it did. */
  async done(): Promise<RunAggregate> {
    const { signal } = this.options;
    const onAbort = () => this.halt(new RunCancelled());
    signal?.addEventListener('abort', onAbort);
    const stopped = new Promise<never>((_, reject) =>
      this.stop.signal.addEventListener('abort', () => reject(this.stop.signal.reason)),
    );
    let finished = false;
    try {
      if (signal?.aborted) throw new RunCancelled();
      await Promise.race([
        Promise.all(Array.from({ length: this.lanes }, () => this.lane())),
        stopped,
      ]);
      finished = true;
      return this.aggregate;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.clock.stop(finished);
    }
  }

  /**
   * Stops the run with `error`. A cancelled run gives its busy workers back to finish the chunks
   * they hold (a chunk is short, and a warm worker serves the next run sooner than a new one
   * compiles the engine); a failed run ends them at once, since one may be what failed.
   */
  halt(error: Error): void {
    if (this.halted) return;
    const keep = error instanceof RunCancelled;
    for (const slot of this.busy) {
      if (!keep) slot.terminate();
      this.workers.release(slot, keep);
    }
    this.busy.clear();
    this.stop.abort(error);
  }

  /**
   * Runs chunks on one worker until none are left or the run halts. The worker is handed its
   * next chunk before it finishes the one it is on, so it never waits for the page to merge a
   * result and answer; near the end of a run, when chunks are scarce, it takes one at a time so
   * no worker sits idle while another holds two.
   */
  private async lane(): Promise<void> {
    let slot: WorkerSlot | undefined;
    /** This lane's chunks, oldest first. */
    let queued: QueuedChunk[] = [];
    try {
      while (!this.halted) {
        while (
          queued.length < CHUNKS_IN_FLIGHT &&
          (queued.length === 0 || this.pending.length >= this.lanes)
        ) {
          const index = this.pending[0];
          if (index === undefined || !this.merge.mayStart(index)) break;
          this.pending.shift();
          queued.push({ index });
        }
        const head = queued[0];
        if (!head) {
          if (this.pending.length === 0) return;
          // Too far ahead of a chunk still running elsewhere: wait for it to be merged.
          await this.nextMerge();
          continue;
        }
        if (!slot?.alive) {
          // A worker that died between chunks answers nothing more: what it was asked goes again.
          if (slot) this.giveBack(slot);
          for (const entry of queued) entry.answer = undefined;
          slot = undefined;
          const leased = await this.workers.lease();
          if (this.halted) {
            this.workers.release(leased);
            return;
          }
          slot = leased;
          this.busy.add(slot);
        }
        let result: ChunkResult;
        let startedMs: number;
        try {
          await this.ask(slot, queued);
          startedMs = performance.now();
          const hangMs = hangLimitMs(
            this.minHangMs,
            this.slowestChunkMs,
            this.chunks[head.index]![1],
            this.workPerReplication,
          );
          result = await slot.guard(head.answer!, hangMs, this.stop.signal);
        } catch (error) {
          if (this.halted) return;
          if (isScenarioLimit(error)) {
            // The worker is well: the scenario asked for more than a run can hold.
            this.fail(this.chunks[head.index]!, error.message);
            return;
          }
          if (!this.retire(slot, head.index, error)) return;
          slot = undefined;
          // Everything this worker held goes back, the failed chunk first, for a fresh worker.
          this.pending.unshift(...queued.map((entry) => entry.index));
          queued = [];
          continue;
        }
        if (this.halted) return;
        queued.shift();
        this.slowestChunkMs = Math.max(this.slowestChunkMs, performance.now() - startedMs);
        this.take(head.index, result);
      }
    } finally {
      if (slot) this.giveBack(slot);
    }
  }

  /**
   * Merges chunk `index` once every chunk before it is in, with any later ones it was holding
   * back, so what a run has merged is always its first replications: partial results (live, or
   * kept from a cancelled or failed run) are exactly those of a shorter run with the same seed,
   * and pair replication by replication with another run's. Progress counts what is merged, so
   * it agrees with the results.
   */
  private take(index: number, result: ChunkResult): void {
    const released = this.merge.put(index, result);
    if (released.length === 0) return;
    for (const chunk of released) {
      try {
        this.aggregate.add(chunk);
      } catch (error) {
        // A chunk whose totals are not finite: the run stops rather than report them.
        this.fail(
          [chunk.start, chunk.count],
          error instanceof Error ? error.message : String(error),
        );
        return;
      }
      this.options.onChunk?.(chunk);
      this.clock.done += chunk.count;
    }
    this.options.onPartial?.(this.aggregate);
    for (const wake of [...this.onMerge]) wake();
  }

  /** Resolves when chunks are next merged, or the run halts. */
  private nextMerge(): Promise<void> {
    const { signal } = this.stop;
    return new Promise((resolve) => {
      const wake = () => {
        this.onMerge.delete(wake);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      this.onMerge.add(wake);
      signal.addEventListener('abort', wake);
    });
  }

  /** Prepares `slot`'s worker for this run if need be and asks it for every queued chunk not yet asked for. */
  private async ask(slot: WorkerSlot, queued: QueuedChunk[]): Promise<void> {
    const { api } = slot;
    const { scenario, seed } = this.request;
    if (slot.preparedRun !== this.id) {
      await slot.guard(slot.sent(api.prepare(this.id, scenario)), STARTUP_MS, this.stop.signal);
      slot.preparedRun = this.id;
    }
    for (const entry of queued) {
      if (entry.answer) continue;
      const [start, count] = this.chunks[entry.index]!;
      entry.answer = slot.sent(api.runChunk(this.id, seed, start, count));
      // Waited for when it reaches the head of the queue; until then it may not settle.
      entry.answer.catch(() => {});
    }
  }

  /**
   * Ends `slot`'s worker after chunk `index` failed on it. Returns whether the chunk may be tried
   * again; if not, halts the run with RunFailed naming the scenario, seed and replications.
   */
  private retire(slot: WorkerSlot, index: number, error: unknown): boolean {
    slot.terminate();
    this.giveBack(slot);
    if (++this.attempts[index]! < MAX_ATTEMPTS) return true;
    this.fail(this.chunks[index]!, error instanceof Error ? error.message : String(error));
    return false;
  }

  /** Halts the run with RunFailed naming the scenario, the seed and the replications that failed. */
  private fail([start, count]: readonly [number, number], reason: string): void {
    const { name } = this.request.scenario;
    const { seed } = this.request;
    this.halt(
      new RunFailed(
        `Scenario "${name}" with seed "${seed}" failed at replications ` +
          `${start}–${start + count - 1}: ${reason}`,
        name,
        seed,
      ),
    );
  }

  /** Gives a worker back to the pool, once. */
  private giveBack(slot: WorkerSlot): void {
    if (this.busy.delete(slot)) this.workers.release(slot);
  }
}
