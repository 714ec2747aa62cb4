import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { INLINING_FLAGS } from '../../src/runner/inliningBudget.ts';

describe('INLINING_FLAGS', () => {
  it('names flags this Node’s V8 knows: an unknown one would be ignored with a warning', () => {
    const node = spawnSync(process.execPath, [...INLINING_FLAGS, '-e', ''], { encoding: 'utf8' });
    expect(node.status).toBe(0);
    expect(node.stderr).toBe('');
  });
});
