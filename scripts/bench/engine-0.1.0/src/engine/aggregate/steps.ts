/** Values a step of a long computation handles: about a millisecond of work on a laptop. */
export const STEP_VALUES = 1 << 16;

/**
 * Long computations on results are generators that yield between short steps, so a page can
 * spread them over tasks of a few milliseconds. This runs one to its end at once, as the command
 * line and tests do.
 */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
