import { linkSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutput, writeOutput } from '../../src/cli/writeOutput.ts';
import { captureIo } from './captureIo.ts';

const dir = mkdtempSync(join(tmpdir(), 'shortfall-write-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeOutput', () => {
  it('prints the text when no --out is given', async () => {
    const io = captureIo(dir);
    await writeOutput(io, {}, 'a,b\n', 'FMS table');
    expect(io.out).toEqual(['a,b\n']);
    expect(io.err).toEqual([]);
  });

  it('writes the file relative to the working directory and says so on stderr', async () => {
    const io = captureIo(dir);
    await writeOutput(io, { out: 'out.json' }, '{}\n', 'Results');
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('{}\n');
    expect(io.out).toEqual([]);
    expect(io.err).toEqual(['Results written to out.json\n']);
  });

  it('refuses a path that cannot be written in one line, exit code 1', async () => {
    const io = captureIo(dir);
    await expect(
      writeOutput(io, { out: 'no-such-dir/out.csv' }, 'x', 'FMS table'),
    ).rejects.toMatchObject({
      lines: ['no-such-dir/out.csv: cannot be written (ENOENT).'],
      exitCode: 1,
    });
    expect(io.err).toEqual([]);
  });

  it('refuses to replace an existing file without --force, leaving it as it was', async () => {
    writeFileSync(join(dir, 'kept.json'), 'before');
    const io = captureIo(dir);
    await expect(writeOutput(io, { out: 'kept.json' }, 'after', 'Results')).rejects.toMatchObject({
      lines: ['--out kept.json already exists; add --force to replace it.'],
      exitCode: 2,
    });
    expect(readFileSync(join(dir, 'kept.json'), 'utf8')).toBe('before');
    await writeOutput(io, { out: 'kept.json', force: true }, 'after', 'Results');
    expect(readFileSync(join(dir, 'kept.json'), 'utf8')).toBe('after');
  });

  it.each([
    ['the same path', 'scenario.json'],
    ['another spelling of it', './sub/../scenario.json'],
    ['a symbolic link to it', 'symlink.json'],
    ['a hard link to it', 'hardlink.json'],
  ])('never replaces the input scenario, even with --force: %s', async (_, out) => {
    writeFileSync(join(dir, 'scenario.json'), 'input');
    rmSync(join(dir, 'symlink.json'), { force: true });
    rmSync(join(dir, 'hardlink.json'), { force: true });
    symlinkSync(join(dir, 'scenario.json'), join(dir, 'symlink.json'));
    linkSync(join(dir, 'scenario.json'), join(dir, 'hardlink.json'));
    const io = captureIo(dir);
    const target = { out, force: true, input: 'scenario.json' };
    await expect(checkOutput(io, target)).rejects.toMatchObject({ exitCode: 2 });
    await expect(writeOutput(io, target, 'output', 'Results')).rejects.toMatchObject({
      lines: [`--out ${out} is the scenario file being read; write the output to another path.`],
    });
    expect(readFileSync(join(dir, 'scenario.json'), 'utf8')).toBe('input');
  });

  it('accepts an --out that does not exist yet, with or without --force', async () => {
    const io = captureIo(dir);
    await expect(checkOutput(io, { out: 'new.json', input: 'scenario.json' })).resolves.toBe(
      undefined,
    );
  });
});
