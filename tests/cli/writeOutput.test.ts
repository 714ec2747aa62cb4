import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { writeOutput } from '../../src/cli/writeOutput.ts';

const dir = mkdtempSync(join(tmpdir(), 'shortfall-write-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function captureIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd: dir,
    stderrIsTty: false,
  };
}

describe('writeOutput', () => {
  it('prints the text when no --out is given', async () => {
    const io = captureIo();
    await writeOutput(io, undefined, 'a,b\n', 'FMS table');
    expect(io.out).toEqual(['a,b\n']);
    expect(io.err).toEqual([]);
  });

  it('writes the file relative to the working directory and says so on stderr', async () => {
    const io = captureIo();
    await writeOutput(io, 'out.json', '{}\n', 'Results');
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('{}\n');
    expect(io.out).toEqual([]);
    expect(io.err).toEqual(['Results written to out.json\n']);
  });

  it('refuses a path that cannot be written in one line, exit code 1', async () => {
    const io = captureIo();
    await expect(writeOutput(io, 'no-such-dir/out.csv', 'x', 'FMS table')).rejects.toMatchObject({
      lines: ['no-such-dir/out.csv: cannot be written (ENOENT).'],
      exitCode: 1,
    });
    expect(io.err).toEqual([]);
  });
});
