import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { liveProgress } from '../../src/cli/liveProgress.ts';
import type { RunProgress } from '../../src/runner/runner.ts';

function io(stderrIsTty: boolean): CliIo & { err: string[] } {
  const err: string[] = [];
  return { err, stdout: () => {}, stderr: (t) => err.push(t), cwd: '.', stderrIsTty };
}

const halfway: RunProgress = {
  done: 500,
  total: 1000,
  elapsedMs: 2000,
  ratePerSecond: 250,
  remainingMs: 2000,
};

describe('liveProgress', () => {
  it('redraws one line in place on a terminal and erases it once at the end', () => {
    const tty = io(true);
    const progress = liveProgress(tty);
    progress.run!(halfway);
    progress.toolRun!(3, halfway);
    progress.clear();
    progress.clear();
    expect(tty.err).toEqual([
      '\r\x1b[2K500/1000 replications (50%), 250/s, about 2 s left',
      '\r\x1b[2KRun 3: 500/1000 replications (50%), 250/s, about 2 s left',
      '\r\x1b[2K',
    ]);
  });

  it('erases nothing when nothing was drawn', () => {
    const tty = io(true);
    liveProgress(tty).clear();
    expect(tty.err).toEqual([]);
  });

  it('draws nothing where stderr is not a terminal', () => {
    const piped = io(false);
    const progress = liveProgress(piped);
    expect(progress.run).toBeUndefined();
    expect(progress.toolRun).toBeUndefined();
    progress.clear();
    expect(piped.err).toEqual([]);
  });
});
