/**
 * Longest stretch of work between two yields to the page. Short because on two cores the page's
 * main thread often shares a core with a worker, and a task then takes several times its CPU
 * time: a slice stays well under a 50 ms long task even so. Browsers hold a timer nested five
 * deep back at least 4 ms, so a long computation runs about half the time; the workers and the
 * page's frames get the rest.
 */
export const SLICE_MS = 4;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Drives a generator of small steps, yielding to the page whenever a slice has run for
 * `sliceMs`, so typing, scrolling and painting go on between slices; resolves to what the
 * generator returns.
 */
export async function inSlices<T>(
  steps: Iterator<unknown, T>,
  now: () => number = () => performance.now(),
  sliceMs = SLICE_MS,
): Promise<T> {
  let started = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (now() - started >= sliceMs) {
      await nextTask();
      started = now();
    }
  }
}

/** `steps` that end with `stop()`'s error at the first step after `signal` is aborted. */
export function* untilAborted<T>(
  steps: Iterator<unknown, T>,
  signal: AbortSignal,
  stop: () => Error,
): Generator<void, T> {
  for (;;) {
    if (signal.aborted) throw stop();
    const step = steps.next();
    if (step.done) return step.value;
    yield;
  }
}
