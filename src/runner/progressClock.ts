import type { RunProgress } from './runner.ts';

/** Progress reports go out on a timer, not per chunk, so a slow chunk still shows the run alive. */
export const PROGRESS_INTERVAL_MS = 200;

/**
 * Reports a run's progress to `onProgress` every PROGRESS_INTERVAL_MS (five times a second)
 * until stopped, and once more when stopped after finishing.
 */
export class ProgressClock {
  done = 0;
  private readonly startedMs = performance.now();
  private readonly timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly total: number,
    private readonly onProgress?: (progress: RunProgress) => void,
  ) {
    if (onProgress) {
      this.timer = setInterval(() => this.report(), PROGRESS_INTERVAL_MS);
      this.report();
    }
  }

  progress(): RunProgress {
    const elapsedMs = performance.now() - this.startedMs;
    const ratePerSecond = elapsedMs > 0 ? (this.done * 1000) / elapsedMs : 0;
    const remainingMs =
      this.done === 0
        ? NaN
        : ratePerSecond > 0
          ? ((this.total - this.done) * 1000) / ratePerSecond
          : 0;
    return { done: this.done, total: this.total, elapsedMs, ratePerSecond, remainingMs };
  }

  /** Stops the timer; reports a last time when the run finished. */
  stop(finished: boolean): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    if (finished) this.report();
  }

  private report(): void {
    this.onProgress?.(this.progress());
  }
}
