import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_WORKER, nodeWorkerBundle } from '../../../src/runner/node/nodeWorkerBundle.ts';

describe('nodeWorkerBundle', () => {
  it('gives the compiled worker, which exposes the worker API and imports no TypeScript', () => {
    const url = nodeWorkerBundle();
    expect(url).toBe(NODE_WORKER);
    expect(url.pathname).toMatch(/\/build\/cli\/node-simulation\.worker\.js$/);
    const code = readFileSync(url, 'utf8');
    expect(code).toContain('expose(');
    expect(code).not.toMatch(/from\s*"[^"]*\.ts"/);
  });

  it('says how to build the worker, on one line, when it is missing', () => {
    const missing = new URL('./no-such-worker.js', NODE_WORKER);
    expect(() => nodeWorkerBundle(missing)).toThrow(
      /^The simulation workers' code is not built \(run "npm run build:cli"\)\.$/,
    );
  });
});
