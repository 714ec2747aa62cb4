import type { CliIo } from '../../src/cli/io.ts';

/** A command's input and output held in memory: what it printed, line by line, from `cwd`. */
export function captureIo(
  cwd: string,
  extra: Partial<CliIo> = {},
): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd,
    stderrIsTty: false,
    ...extra,
  };
}
