import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { PIPE_IDLE_MS, readScenarioBytes } from '../../src/cli/readScenarioBytes.ts';

const dir = mkdtempSync(join(tmpdir(), 'shortfall-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

describe('readScenarioBytes', () => {
  it('gives up on a named pipe nobody writes to, saying why, instead of waiting forever', async () => {
    const fifo = join(dir, 'silent');
    execFileSync('mkfifo', [fifo]);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const read = readScenarioBytes('silent', fifo);
    const refused = expect(read).rejects.toMatchObject({
      lines: [`silent: nothing arrived for ${PIPE_IDLE_MS / 1000} s; is anything writing to it?`],
    });
    // The wait starts once the pipe is open, which happens outside the fake clock.
    for (let turn = 0; turn < 1000 && vi.getTimerCount() === 0; turn++) {
      await new Promise((next) => setImmediate(next));
    }
    vi.advanceTimersByTime(PIPE_IDLE_MS - 1);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(1);
    await refused;
  });

  it.each([
    ['a missing file', 'missing.json', 'missing.json: no such file.'],
    ['a directory', '.', '.: not a file.'],
  ])('refuses %s in one line', async (_, path, line) => {
    await expect(readScenarioBytes(path, join(dir, path))).rejects.toMatchObject({
      lines: [line],
    });
  });
});
