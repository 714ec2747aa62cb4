import type { ShownRun } from '../state/runController.svelte.ts';

/** The mark on a first answer still being refined: how many replications it holds so far. */
export function refiningText(shown: ShownRun): string {
  return `Refining: ${shown.done.toLocaleString('en-GB')} of ${shown.replications.toLocaleString('en-GB')} replications so far. The figures will still change.`;
}
