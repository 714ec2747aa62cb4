/**
 * A replication went past a limit the engine holds to. The scenario, not the thread running it,
 * is at fault, so running the same replications again would fail the same way: a runner stops
 * the run and names the file's field instead of retrying on another worker.
 */
export class EngineLimitError extends RangeError {
  override readonly name = 'EngineLimitError';
}
