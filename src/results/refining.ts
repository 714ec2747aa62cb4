/** The mark on a first answer still being refined: how many replications it holds so far. */
export function refiningText(run: { done: number; replications: number }): string {
  return `Refining: ${run.done.toLocaleString('en-GB')} of ${run.replications.toLocaleString('en-GB')} replications so far. The figures will still change.`;
}
