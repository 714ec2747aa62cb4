import { spawnSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { INLINING_FLAGS } from '../../../src/runner/node/inliningBudget.ts';

describe('INLINING_FLAGS', () => {
  it('are flags this Node’s V8 knows and lets a running process set', () => {
    // setFlagsFromString only warns on stderr about a flag it does not know.
    const script = `const v8 = require('node:v8'); for (const flag of ${JSON.stringify(INLINING_FLAGS)}) v8.setFlagsFromString(flag);`;
    const node = spawnSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(node.status).toBe(0);
    expect(node.stderr).toBe('');
  });

  it('would catch a flag V8 does not know', () => {
    const script = `require('node:v8').setFlagsFromString('--max-inlined-bytecode-size-of-nothing=1');`;
    const node = spawnSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(node.stderr).toMatch(/unrecognized flag/);
  });
});

describe('raiseInliningBudgets', () => {
  it('sets only the flags the process was not started with, once', async () => {
    vi.resetModules();
    const set = vi.fn();
    vi.doMock('node:v8', () => ({ setFlagsFromString: set }));
    const { raiseInliningBudgets } = await import('../../../src/runner/node/inliningBudget.ts');
    raiseInliningBudgets([INLINING_FLAGS[0], '--expose-gc']);
    raiseInliningBudgets([]);
    expect(set.mock.calls).toEqual(INLINING_FLAGS.slice(1).map((flag) => [flag]));
    vi.doUnmock('node:v8');
  });

  it('finds the flags already given to the unit tests’ processes', () => {
    // vite.config.ts starts them so; otherwise a worker would change V8's flags mid-run.
    expect(process.execArgv).toEqual(expect.arrayContaining([...INLINING_FLAGS]));
  });
});
