import { untrack } from 'svelte';
import { expectedWorkPerReplication } from '../runner/chunkPlan.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunController, RunSettings } from './runController.svelte.ts';

/**
 * Quiet time after the last keystroke before the results are rerun: long enough that typing a
 * number is one rerun, not one per digit, and short enough to leave most of a second for the
 * first answer.
 */
export const LIVE_DEBOUNCE_MS = 250;

/**
 * Expected work in one replication (suspects, products and staff flows, as the runner plans
 * chunks) above which a scenario is very large and edits do not rerun by default: one
 * replication then outweighs a whole chunk of a typical run, so no first answer comes within a
 * second, and each rerun would compete with the editing of a page that is already slow.
 */
export const LIVE_MAX_WORK_PER_REPLICATION = 200_000;

/** Whether edits rerun the results of `scenario` unless the planner says otherwise. */
export function liveByDefault(scenario: Scenario): boolean {
  return expectedWorkPerReplication(scenario) <= LIVE_MAX_WORK_PER_REPLICATION;
}

/** What a rerun would run now, or why none can start. */
export type LiveRequest =
  { scenario: Scenario; settings: RunSettings; revision: number } | { blocked: string };

/** Timers, replaceable in tests. */
export interface LiveTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

const realTimers: LiveTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/**
 * Results that follow edits: once results are on screen, every change to the scenario, the seed
 * or the replications cancels the run made stale by it at once and, after a pause in typing
 * (LIVE_DEBOUNCE_MS), runs again, showing a first answer that then refines to the replications
 * asked for. An edit that fails the file check is not run, and says why. The planner can turn
 * this off; it starts off for very large scenarios (LIVE_MAX_WORK_PER_REPLICATION).
 */
export class LiveRerun {
  /** The planner's choice, once made; until then the scenario's default holds. */
  chosen = $state<boolean | undefined>();
  /** Default for the last scenario that passed the file check. */
  byDefault = $state(true);
  readonly on: boolean = $derived(this.chosen ?? this.byDefault);
  /** An edit waits for the pause in typing before it is run. */
  pending = $state(false);
  /** Why the last edit was not run (it fails the file check, or a run setting is wrong). */
  held = $state<string | undefined>();
  private timer: unknown;

  constructor(
    private readonly runs: RunController,
    /** What a run would be asked for now. */
    private readonly request: () => LiveRequest,
    private readonly debounceMs = LIVE_DEBOUNCE_MS,
    private readonly timers: LiveTimers = realTimers,
  ) {}

  /** Turns rerunning after each edit on or off; off also stops an update under way. */
  choose(on: boolean): void {
    this.chosen = on;
    if (!on) {
      this.stopWaiting();
      this.held = undefined;
    }
  }

  /**
   * Called after anything a run depends on has changed (the scenario, the seed, the
   * replications), and when a new scenario has been loaded.
   */
  edited(): void {
    const wanted = this.request();
    if (!('blocked' in wanted)) this.byDefault = liveByDefault(wanted.scenario);
    if (!this.on || this.runs.shown === undefined) return;
    if (!('blocked' in wanted) && this.isUnderWay(wanted)) {
      this.stopWaiting();
      return;
    }
    this.stopWaiting();
    this.runs.supersede();
    if ('blocked' in wanted) {
      this.held = wanted.blocked;
      return;
    }
    this.held = undefined;
    this.pending = true;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.pending = false;
      const now = this.request();
      if ('blocked' in now) {
        this.held = now.blocked;
        return;
      }
      // Run was pressed meanwhile for the same thing: that run is the update.
      if (this.isUnderWay(now)) return;
      void this.runs.run(now.scenario, now.settings, now.revision, { live: true });
    }, this.debounceMs);
  }

  /**
   * Calls `edited` whenever what `watch` reads changes, until the returned function is called.
   * Needs a browser page's lifetime, so the app connects it when the page opens.
   */
  follow(watch: () => unknown): () => void {
    const stop = $effect.root(() => {
      $effect(() => {
        watch();
        untrack(() => this.edited());
      });
    });
    return () => {
      stop();
      this.stopWaiting();
    };
  }

  /** Ends the wait for a pause, if any; a run already started is left to the controller. */
  stopWaiting(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = false;
  }

  /** True when the results shown, or the run going on, are already for what is wanted. */
  private isUnderWay(wanted: { settings: RunSettings; revision: number }): boolean {
    const same = (run: (RunSettings & { revision: number }) | undefined) =>
      run !== undefined &&
      run.revision === wanted.revision &&
      run.seed === wanted.settings.seed &&
      run.replications === wanted.settings.replications;
    if (this.runs.running) return same(this.runs.requested);
    return same(this.runs.shown) && this.runs.shown!.complete;
  }
}
