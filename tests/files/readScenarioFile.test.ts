import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkFileSize, readScenarioFile } from '../../src/files/readScenarioFile.ts';
import { LIMITS } from '../../src/scenario/limits.ts';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../fixtures/files', name));

describe('readScenarioFile', () => {
  it('refuses a 50 MB file by its size, without reading it', async () => {
    const arrayBuffer = vi.fn(() => Promise.resolve(new ArrayBuffer(0)));
    const result = await readScenarioFile({ size: 50 * 1024 * 1024, arrayBuffer });
    expect(arrayBuffer).not.toHaveBeenCalled();
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: '(file)', message: expect.stringContaining('The file is 50.0 MB') as string },
      ],
    });
  });

  it('accepts sizes up to the limit and refuses the byte after it', () => {
    expect(checkFileSize(LIMITS.fileBytes)).toBeNull();
    expect(checkFileSize(LIMITS.fileBytes + 1)?.message).toContain('at most 5.0 MB');
    expect(checkFileSize(0)?.message).toContain('empty');
  });

  it('reads a valid file chosen in the browser', async () => {
    const result = await readScenarioFile(new Blob([fixture('valid.json')]));
    expect(result.ok && result.value.name).toBe('Small force: financial investigators');
  });

  it('refuses a file that cannot be read with a message, not an exception', async () => {
    const result = await readScenarioFile({
      size: 10,
      arrayBuffer: () => Promise.reject(new Error('NotReadableError')),
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]!.message).toContain('could not be read');
  });
});
