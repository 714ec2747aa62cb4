import type { RunProgress } from '../runner/runner.ts';
import type { CliIo } from './io.ts';
import { progressLine } from './progressLine.ts';

/** A line of progress on stderr, redrawn in place; for RunOptions.onProgress. */
export interface LiveProgress {
  /** Draws a run's progress; undefined where stderr is not a terminal, so logs stay clean. */
  readonly run: ((progress: RunProgress) => void) | undefined;
  /** Draws the progress of run number `run` of a tool's many. */
  readonly toolRun: ((run: number, progress: RunProgress) => void) | undefined;
  /** Erases the line, if one was drawn, before the results are printed. */
  clear(): void;
}

export function liveProgress(io: CliIo): LiveProgress {
  let drawn = false;
  const draw = (text: string) => {
    drawn = true;
    io.stderr(`\r\x1b[2K${text}`);
  };
  const tty = io.stderrIsTty;
  return {
    run: tty ? (p) => draw(progressLine(p)) : undefined,
    toolRun: tty ? (run, p) => draw(`Run ${run}: ${progressLine(p)}`) : undefined,
    clear() {
      if (drawn) io.stderr('\r\x1b[2K');
      drawn = false;
    },
  };
}
