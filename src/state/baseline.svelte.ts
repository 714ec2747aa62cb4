import type { RunAggregate, Summary } from '../engine/aggregate/runAggregate.ts';
import type { ShownRun } from './runController.svelte.ts';

/** A run kept to compare later runs against. */
export interface KeptRun {
  run: ShownRun;
  summary: Summary;
  aggregate: RunAggregate;
}

/** The baseline of the compare view: replaced wholesale, never edited. */
export class Baseline {
  kept = $state.raw<KeptRun | undefined>();

  keep(run: ShownRun, summary: Summary, aggregate: RunAggregate): void {
    this.kept = { run, summary, aggregate };
  }

  clear(): void {
    this.kept = undefined;
  }
}
