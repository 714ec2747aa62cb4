import { existsSync } from 'node:fs';

/**
 * The Node worker, compiled to one JavaScript module with the command line by `npm run
 * build:cli`: beside the compiled command line, or in build/cli/ when this module runs from its
 * TypeScript source (the tests, the benchmark). Node cannot load TypeScript by itself, and
 * compiling it in each worker would cost every worker memory and a loader thread of its own.
 */
export const NODE_WORKER = new URL(
  import.meta.url.endsWith('.ts')
    ? '../../../build/cli/node-simulation.worker.js'
    : './node-simulation.worker.js',
  import.meta.url,
);

/**
 * Where the compiled worker is; throws a one-line error saying how to build it when it is
 * missing, so a runner reports that before it starts any worker.
 */
export function nodeWorkerBundle(worker: URL = NODE_WORKER): URL {
  if (!existsSync(worker)) {
    throw new Error(`The simulation workers' code is not built (run "npm run build:cli").`);
  }
  return worker;
}
