import type { Remote } from 'comlink';
import { RunAggregate } from '../engine/aggregate/runAggregate.ts';
import type { ChunkResult } from '../engine/chunk.ts';
import { modelLayout } from '../engine/model.ts';
import type { Scenario } from '../scenario/schema.ts';
import { chunkPlan } from './chunkPlan.ts';
import { ProgressClock } from './progressClock.ts';
import {
  RunCancelled,
  RunFailed,
  type RunOptions,
  type RunRequest,
  type Runner,
} from './runner.ts';
import type { InjectedFault, WorkerApi } from './workerApi.ts';

/** One worker as the pool sees it, whatever kind of thread runs it. */
export interface PoolWorker {
  readonly api: Remote<WorkerApi>;
  /** Rejects when the worker dies by itself (an uncaught error, an exit); never resolves. */
  readonly died: Promise<never>;
  /** Ends the worker at once, even mid-chunk. */
  terminate(): void;
}

export type WorkerFactory = () => PoolWorker;

export interface PoolOptions {
  /** Workers to run at once; at least 1. */
  size: number;
  /**
   * Shortest time a chunk may take before its worker is declared hung. The actual limit grows
   * with the slowest chunk seen so far (HANG_FACTOR times it), so slow machines are not punished.
   */
  minHangMs?: number;
  /** For tests only: chunk `chunk` (in plan order) suffers `fault` on its first `times` attempts. */
  faults?: { chunk: number; fault: InjectedFault; times: number };
}

export const DEFAULT_MIN_HANG_MS = 30_000;
export const HANG_FACTOR = 20;
/** Time a new worker gets to start (load its code) and compile the scenario. */
export const STARTUP_MS = 30_000;
/** A chunk is tried this many times, each on a fresh worker, before the run fails. */
export const MAX_ATTEMPTS = 2;
/**
 * Time a new worker spends running the open scenario before any run (at most 200 replications),
 * so V8 has compiled the engine optimised by the time Run is pressed (measured in Chromium: a
 * few replications leave most of that compiling to the first second of the run).
 */
export const WARM_UP_MS = 400;
/**
 * The warm-up is asked for in pieces this long, and stops when a run begins: a worker answers
 * one message at a time, so a run begun during a warm-up waits for the piece under way only.
 */
export const WARM_UP_PIECE_MS = 50;
/** Chunks a worker holds at once: the one it is running and the next. */
export const CHUNKS_IN_FLIGHT = 2;
/**
 * How far ahead of the first chunk not yet merged the workers may go, in chunks per worker. A
 * chunk that runs long (or hangs until it is rerun) holds back the merging of every later one;
 * this bounds the results kept waiting meanwhile, and the work merged at once when it is in.
 */
export const CHUNKS_AHEAD_PER_WORKER = 4;

interface Slot {
  worker: PoolWorker;
  preparedRun: number;
  dead: boolean;
  deathError?: Error;
  /** Called if the worker dies. Listeners, not a race against `died`: see `guard`. */
  onDeath: Set<(error: Error) => void>;
}

/** A chunk a lane has taken, with the worker's answer once the worker has been asked for it. */
interface QueuedChunk {
  index: number;
  answer?: Promise<ChunkResult>;
}

/** What one run needs while it goes on; dropped when it ends. */
interface ActiveRun {
  runId: number;
  request: RunRequest;
  chunks: [number, number][];
  pending: number[];
  attempts: number[];
  /** Workers the run uses at once. */
  lanes: number;
  aggregate: RunAggregate;
  /** Chunks finished ahead of an earlier one, by plan index, waiting to be merged in order. */
  early: Map<number, ChunkResult>;
  /** The plan index of the next chunk to merge. */
  nextToMerge: number;
  /** Called after chunks are merged, so lanes waiting to go ahead look again. */
  onMerge: Set<() => void>;
  clock: ProgressClock;
  slowestChunkMs: number;
  halted: boolean;
  /** Rejects when the run is halted, so lanes waiting on a worker stop waiting. */
  stopped: Promise<never>;
  halt(error: Error): void;
  haltError?: Error;
  /** Called when the run halts, so lanes waiting on a worker stop waiting. */
  onStop: Set<(error: Error) => void>;
  busy: Set<Slot>;
}

/**
 * Runs a request's chunks on a pool of workers made by `factory`. Chunks come from chunkPlan
 * (independent of the pool size) and are handed to whichever worker is free; they are merged in
 * replication order whatever order they finish in, so any pool size gives the same result as
 * runScenario, and the same partial results at every point of a run.
 *
 * A worker that dies or hangs is terminated and replaced, and its chunk is run again; a chunk
 * that fails MAX_ATTEMPTS times fails the run. Cancelling terminates the busy workers at once.
 * Idle workers are kept for the next run.
 */
export class WorkerPool implements Runner {
  private readonly slots: (Slot | undefined)[] = [];
  private active: ActiveRun | undefined;
  private runCount = 0;
  private size: number;

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
   * the new size are ended when it ends.
   */
  resize(size: number): void {
    this.size = checkSize(size);
    this.trim();
  }

  /** Ends the workers beyond the pool's size, unless a run is using them. */
  private trim(): void {
    if (this.active) return;
    for (let i = this.size; i < this.slots.length; i++) this.slots[i]?.worker.terminate();
    this.slots.length = Math.min(this.slots.length, this.size);
  }

  async run(request: RunRequest, options: RunOptions = {}): Promise<RunAggregate> {
    if (this.active) throw new Error('This pool is already running; cancel that run first.');
    const { signal } = options;
    if (signal?.aborted) throw new RunCancelled();
    const chunks = chunkPlan(request);
    let halt!: (error: Error) => void;
    const stopped = new Promise<never>((_, reject) => (halt = reject));
    stopped.catch(() => {});
    const run: ActiveRun = {
      runId: ++this.runCount,
      request,
      chunks,
      pending: chunks.map((_, i) => i),
      attempts: chunks.map(() => 0),
      lanes: Math.min(this.size, chunks.length),
      aggregate: new RunAggregate(modelLayout(request.scenario), request.replications),
      early: new Map(),
      nextToMerge: 0,
      onMerge: new Set(),
      clock: new ProgressClock(request.replications, options.onProgress),
      slowestChunkMs: 0,
      halted: false,
      stopped,
      busy: new Set(),
      onStop: new Set(),
      halt: (error) => {
        if (run.halted) return;
        run.halted = true;
        run.haltError = error;
        // Terminating at once (not in a finally) frees the pool for a new run straight away.
        for (const slot of run.busy) {
          slot.worker.terminate();
          const i = this.slots.indexOf(slot);
          if (i >= 0) this.slots[i] = undefined;
        }
        run.busy.clear();
        if (this.active === run) this.active = undefined;
        for (const stop of [...run.onStop]) stop(error);
        halt(error);
      },
    };
    const onAbort = () => run.halt(new RunCancelled());
    signal?.addEventListener('abort', onAbort);
    this.active = run;
    let finished = false;
    try {
      await Promise.race([
        Promise.all(Array.from({ length: run.lanes }, (_, i) => this.lane(i, run, options))),
        run.stopped,
      ]);
      finished = true;
      return run.aggregate;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      run.clock.stop(finished);
      run.halted = true;
      if (this.active === run) this.active = undefined;
      this.trim();
    }
  }

  warm(scenario?: Scenario): void {
    for (let i = 0; i < this.size; i++) {
      const slot = this.slots[i];
      if (slot && !slot.dead) continue;
      const fresh = this.spawn();
      this.slots[i] = fresh;
      if (!scenario) continue;
      // The first chunk a worker sends back makes V8 throw away the optimised engine code (it
      // traces the cause as a changed prototype chain), so an empty warm-up is sent back first
      // and the engine is compiled after it, unless a run has begun meanwhile and does that
      // itself. A warm-up that fails says nothing a run would not say again: the run reports it.
      const { api } = fresh.worker;
      const warmUp = async () => {
        await api.warmUp(scenario, 0);
        for (let spent = 0; spent < WARM_UP_MS; spent += WARM_UP_PIECE_MS) {
          if (this.active || fresh.dead || !this.slots.includes(fresh)) return;
          await api.warmUp(scenario, WARM_UP_PIECE_MS);
        }
      };
      warmUp().catch(() => {});
    }
  }

  dispose(): void {
    this.active?.halt(new RunCancelled());
    for (const slot of this.slots) slot?.worker.terminate();
    this.slots.length = 0;
  }

  /**
   * Runs chunks on worker slot `i` until none are left or the run halts. The worker is handed
   * its next chunk before it finishes the one it is on, so it never waits for the page to
   * merge a result and answer; near the end of a run, when chunks are scarce, it takes one at a
   * time so no worker sits idle while another holds two.
   */
  private async lane(i: number, run: ActiveRun, options: RunOptions): Promise<void> {
    /** This lane's chunks, oldest first, with the worker's answer once it has been asked. */
    let queued: QueuedChunk[] = [];
    try {
      while (!run.halted) {
        const limit = run.nextToMerge + run.lanes * CHUNKS_AHEAD_PER_WORKER;
        while (
          queued.length < CHUNKS_IN_FLIGHT &&
          (queued.length === 0 || run.pending.length >= run.lanes)
        ) {
          const index = run.pending[0];
          if (index === undefined || index >= limit) break;
          run.pending.shift();
          queued.push({ index });
        }
        const head = queued[0];
        if (!head) {
          if (run.pending.length === 0) return;
          // Too far ahead of a chunk still running elsewhere: wait for it to be merged.
          await this.nextMerge(run);
          continue;
        }
        let result: ChunkResult;
        let startedMs: number;
        try {
          const slot = await this.supply(i, run, queued);
          startedMs = performance.now();
          const hangMs = Math.max(
            this.options.minHangMs ?? DEFAULT_MIN_HANG_MS,
            HANG_FACTOR * run.slowestChunkMs,
          );
          result = await this.guard(slot, run, head.answer!, hangMs);
        } catch (error) {
          if (run.halted || !this.retire(i, run, head.index, error)) return;
          // Everything this worker held goes back, the failed chunk first, for a fresh worker.
          run.pending.unshift(...queued.map((entry) => entry.index));
          queued = [];
          continue;
        }
        if (run.halted) return;
        queued.shift();
        run.slowestChunkMs = Math.max(run.slowestChunkMs, performance.now() - startedMs);
        this.merge(run, head.index, result, options);
      }
    } finally {
      const slot = this.slots[i];
      if (slot) run.busy.delete(slot);
    }
  }

  /**
   * Merges chunk `index` once every chunk before it is in, with any later ones it was holding
   * back, so what a run has merged is always its first replications: partial results (live, or
   * kept from a cancelled or failed run) are exactly those of a shorter run with the same seed,
   * and pair replication by replication with another run's. Progress counts what is merged, so
   * it agrees with the results. Lanes never take a chunk more than CHUNKS_AHEAD_PER_WORKER per
   * worker beyond the first not merged, so few chunks ever wait here.
   */
  private merge(run: ActiveRun, index: number, result: ChunkResult, options: RunOptions): void {
    run.early.set(index, result);
    let merged = false;
    for (let next; (next = run.early.get(run.nextToMerge)); run.nextToMerge++) {
      run.early.delete(run.nextToMerge);
      run.aggregate.add(next);
      options.onChunk?.(next);
      run.clock.done += next.count;
      merged = true;
    }
    if (!merged) return;
    options.onPartial?.(run.aggregate);
    for (const wake of [...run.onMerge]) wake();
  }

  /** Resolves when chunks are next merged, or the run halts. */
  private nextMerge(run: ActiveRun): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        run.onMerge.delete(wake);
        run.onStop.delete(wake);
        resolve();
      };
      run.onMerge.add(wake);
      run.onStop.add(wake);
    });
  }

  /**
   * Gives slot `i` a live worker prepared for the run and asks it for every queued chunk not yet
   * asked for (arming a test's fault first where one is due). Returns the slot.
   */
  private async supply(i: number, run: ActiveRun, queued: QueuedChunk[]): Promise<Slot> {
    let slot = this.slots[i];
    if (!slot || slot.dead) {
      slot?.worker.terminate();
      slot = this.spawn();
      this.slots[i] = slot;
    }
    run.busy.add(slot);
    const { api } = slot.worker;
    const { request } = run;
    if (slot.preparedRun !== run.runId) {
      await this.guard(slot, run, api.prepare(run.runId, request.scenario), STARTUP_MS);
      slot.preparedRun = run.runId;
    }
    for (const entry of queued) {
      if (entry.answer) continue;
      const fault = this.options.faults;
      if (fault?.chunk === entry.index && run.attempts[entry.index]! < fault.times) {
        await this.guard(slot, run, api.injectFault(fault.fault), STARTUP_MS);
      }
      const [start, count] = run.chunks[entry.index]!;
      entry.answer = api.runChunk(run.runId, request.seed, start, count);
      // Waited for when it reaches the head of the queue; until then it may not settle.
      entry.answer.catch(() => {});
    }
    return slot;
  }

  /**
   * Ends slot `i`'s worker after chunk `index` failed on it. Returns whether the chunk may be
   * tried again; if not, halts the run with RunFailed naming the scenario, seed and replications.
   */
  private retire(i: number, run: ActiveRun, index: number, error: unknown): boolean {
    const slot = this.slots[i];
    if (slot) {
      slot.worker.terminate();
      run.busy.delete(slot);
    }
    this.slots[i] = undefined;
    if (++run.attempts[index]! < MAX_ATTEMPTS) return true;
    const [start, count] = run.chunks[index]!;
    const { name } = run.request.scenario;
    const { seed } = run.request;
    const reason = error instanceof Error ? error.message : String(error);
    run.halt(
      new RunFailed(
        `Scenario "${name}" with seed "${seed}" failed at replications ` +
          `${start}–${start + count - 1}: ${reason}`,
        name,
        seed,
      ),
    );
    return false;
  }

  private spawn(): Slot {
    const worker = this.factory();
    const slot: Slot = { worker, preparedRun: 0, dead: false, onDeath: new Set() };
    worker.died.catch((error: unknown) => {
      slot.dead = true;
      slot.deathError = error instanceof Error ? error : new Error(String(error));
      for (const die of [...slot.onDeath]) die(slot.deathError);
    });
    return slot;
  }

  /**
   * Waits for a worker's answer, unless it dies, hangs or the run halts first. Written with
   * listeners that are removed once the answer is in: a Promise.race against the worker's
   * long-lived `died` promise would keep every chunk's result reachable until the worker ends.
   */
  private guard<T>(slot: Slot, run: ActiveRun, answer: Promise<T>, hangMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (slot.dead) return reject(slot.deathError);
      if (run.halted) return reject(run.haltError);
      const fail = (error: Error) => {
        finish();
        reject(error);
      };
      const timer = setTimeout(
        () => fail(new Error(`The worker did not answer within ${Math.round(hangMs)} ms.`)),
        hangMs,
      );
      const finish = () => {
        clearTimeout(timer);
        slot.onDeath.delete(fail);
        run.onStop.delete(fail);
      };
      slot.onDeath.add(fail);
      run.onStop.add(fail);
      answer.then(
        (value) => {
          finish();
          resolve(value);
        },
        (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
      );
    });
  }
}

function checkSize(size: number): number {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`A pool needs a whole number of workers, at least 1 (got ${size}).`);
  }
  return size;
}
