import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
let failBuild = false;

vi.mock('esbuild', async (importOriginal) => {
  const esbuild = await importOriginal<typeof import('esbuild')>();
  return {
    ...esbuild,
    buildSync: (options: Parameters<typeof esbuild.buildSync>[0]) => {
      calls.push('buildSync');
      if (failBuild) throw new Error('Could not resolve "engine.ts"\nmore detail');
      return esbuild.buildSync(options);
    },
    stop: () => {
      calls.push('stop');
      return esbuild.stop();
    },
  };
});

beforeEach(() => {
  calls.length = 0;
  failBuild = false;
  vi.resetModules();
});

describe('nodeWorkerBundle', () => {
  it('builds the worker once per process and ends the build thread after it', async () => {
    const { nodeWorkerBundle } = await import('../../../src/runner/node/nodeWorkerBundle.ts');
    const url = nodeWorkerBundle();
    expect(url.protocol).toBe('data:');
    expect(decodeURIComponent(url.href)).toContain('expose');
    expect(nodeWorkerBundle()).toBe(url);
    // esbuild keeps a thread for later synchronous calls unless stopped.
    expect(calls).toEqual(['buildSync', 'stop']);
  });

  it('reports a failed build as itself, on one line, and still ends the build thread', async () => {
    failBuild = true;
    const { nodeWorkerBundle } = await import('../../../src/runner/node/nodeWorkerBundle.ts');
    expect(() => nodeWorkerBundle()).toThrow(
      /^The simulation workers' code could not be built \(Could not resolve "engine.ts"\)\.$/,
    );
    expect(calls).toEqual(['buildSync', 'stop']);
  });
});
