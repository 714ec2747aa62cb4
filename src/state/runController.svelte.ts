import type { RunAggregate, Summary } from '../engine/aggregate/runAggregate.ts';
import { RunCancelled, RunFailed, type RunProgress, type Runner } from '../runner/runner.ts';
import type { Scenario } from '../scenario/schema.ts';
import { inSlices } from './inSlices.ts';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** What a run was asked to do, kept with its results so they can be reproduced. */
export interface RunSettings {
  seed: string;
  replications: number;
}

/** Results shown on screen and the scenario they came from. */
export interface ShownRun extends RunSettings {
  scenario: Scenario;
  /** The draft revision they were run from: any later edit makes them out of date. */
  revision: number;
  /** Replications in them so far (fewer than asked while a run goes on or if it was cancelled). */
  done: number;
  complete: boolean;
}

/**
 * Partial results are summarised and redrawn at most this often (progress is shown five times a
 * second regardless). Each redraw repaints every chart on screen, and on a two-core laptop the
 * repaint competes with the workers for the cores, so fewer redraws keep the page's longest
 * tasks short.
 */
export const SUMMARY_INTERVAL_MS = 500;

/** How a run was started: by the planner pressing Run, or by an edit the results follow. */
export interface RunStart {
  /** Started by an edit: announced as an update rather than as a run of its own. */
  live?: boolean;
}

/**
 * Starts, follows and cancels runs. Results arrive progressively; each summary replaces the
 * last wholesale. A cancelled or failed run shows everything that had arrived (its first
 * replications, so the results of a shorter run with the same seed), and the scenario is never
 * touched.
 */
export class RunController {
  status = $state<RunStatus>('idle');
  progress = $state.raw<RunProgress | undefined>();
  summary = $state.raw<Summary | undefined>();
  aggregate = $state.raw<RunAggregate | undefined>();
  shown = $state.raw<ShownRun | undefined>();
  /** What went wrong and what to do next, for the last run that failed. */
  error = $state<string | undefined>();
  /** Short message for the status live region. */
  message = $state('');

  /** What the run going on, or the last one started, was asked for. */
  requested = $state.raw<(RunSettings & { revision: number }) | undefined>();

  private controller: AbortController | undefined;

  /** `runner` starts no workers until it is warmed or run, and may be shared with other tools. */
  constructor(
    private readonly runner: Runner,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get running(): boolean {
    return this.status === 'running';
  }

  /**
   * True while a run goes on and the results shown are its first replications: a first answer
   * that is still being refined to the replications asked for.
   */
  get refining(): boolean {
    const { shown, requested } = this;
    return (
      this.running &&
      shown !== undefined &&
      !shown.complete &&
      requested !== undefined &&
      shown.revision === requested.revision &&
      shown.seed === requested.seed &&
      shown.replications === requested.replications
    );
  }

  async run(
    scenario: Scenario,
    settings: RunSettings,
    revision: number,
    { live = false }: RunStart = {},
  ): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const wasRunning = this.running;
    this.status = 'running';
    this.requested = { ...settings, revision };
    this.error = undefined;
    this.progress = {
      done: 0,
      total: settings.replications,
      elapsedMs: 0,
      ratePerSecond: 0,
      remainingMs: NaN,
    };
    // An update replacing another is not announced again: one message per pause in typing.
    if (!live)
      this.message = `Running ${settings.replications.toLocaleString('en-GB')} replications…`;
    else if (!wasRunning) this.message = 'Updating the results for your edit…';
    const base = { ...settings, scenario, revision, complete: false };
    let lastSummaryAt = -Infinity;
    let refreshing: Promise<void> | undefined;
    /** Everything merged so far: the first replications of the run, whatever the pool size. */
    let latest: RunAggregate | undefined;
    // Statistics are brought up to date in slices of a few milliseconds, never in one long
    // task; what is shown is then read from them at once.
    const show = async (aggregate: RunAggregate, complete: boolean) => {
      await inSlices(aggregate.refresh(), this.now);
      if (this.controller !== controller) return;
      this.aggregate = aggregate;
      this.summary = aggregate.latestSummary();
      this.shown = { ...base, done: aggregate.replications, complete };
    };
    try {
      const aggregate = await this.runner.run(
        { scenario, seed: settings.seed, replications: settings.replications },
        {
          signal: controller.signal,
          onProgress: (progress) => {
            if (this.controller === controller) this.progress = progress;
          },
          onPartial: (partial) => {
            latest = partial;
            if (this.controller !== controller || refreshing) return;
            const at = this.now();
            if (at - lastSummaryAt < SUMMARY_INTERVAL_MS) {
              // Between redraws, fast chunks' sketches are merged in slices as they come.
              if (partial.queuedChunks > 1)
                refreshing = inSlices(partial.mergePending(), this.now).finally(
                  () => (refreshing = undefined),
                );
              return;
            }
            lastSummaryAt = at;
            refreshing = show(partial, false).finally(() => (refreshing = undefined));
          },
        },
      );
      if (this.controller !== controller) return;
      await refreshing;
      await show(aggregate, true);
      this.status = 'done';
      const count = aggregate.replications.toLocaleString('en-GB');
      this.message = live
        ? `Results updated for your edit: ${count} replications.`
        : `Run finished: ${count} replications.`;
    } catch (error) {
      if (this.controller !== controller) return;
      // A run that stops early shows all it merged, not only what the last redraw had; if that
      // redraw fails, what is on screen stays and the run's own error is reported below.
      try {
        await refreshing;
        if (latest && latest.replications > (this.shown?.done ?? 0)) await show(latest, false);
      } catch {
        // Nothing more to show.
      }
      if (this.controller !== controller) return;
      if (error instanceof RunCancelled) {
        this.status = 'cancelled';
        this.message = this.shown
          ? `Run cancelled. Showing results from the ${this.shown.done.toLocaleString('en-GB')} replications that finished.`
          : 'Run cancelled.';
      } else {
        this.status = 'failed';
        const what = error instanceof Error ? error.message : String(error);
        const seed = error instanceof RunFailed ? error.seed : settings.seed;
        this.error = `The run stopped: ${what} Your scenario is unchanged. Try again with fewer replications, or save the scenario and report the problem quoting seed "${seed}".`;
        this.message = 'The run failed.';
      }
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }

  /** Starts the workers ahead of the first run, compiling their engine for `scenario` if given. */
  warm(scenario?: Scenario): void {
    this.runner.warm?.(scenario);
    this.poolSize = this.runner.poolSize;
  }

  /** Workers the next run uses, when the runner has workers (known once warmed or run). */
  poolSize = $state<number | undefined>();

  /** Sets how many workers later runs use; a run under way keeps the workers it has. */
  setPoolSize(size: number): void {
    this.runner.resize?.(size);
    this.poolSize = this.runner.poolSize;
  }

  cancel(): void {
    this.controller?.abort();
  }

  /**
   * Stops the run going on, if any, because an edit has made it stale: its workers are freed at
   * once and nothing is announced, since the edit's own update follows. What it showed stays.
   */
  supersede(): void {
    const controller = this.controller;
    if (!controller) return;
    this.controller = undefined;
    controller.abort();
    this.status = 'cancelled';
  }

  /** True when results are shown that no longer match the scenario being edited. */
  isOutOfDate(revision: number): boolean {
    return this.shown !== undefined && this.shown.revision !== revision;
  }
}
