import { buildSync, stop } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../../../workers/node-simulation.worker.ts', import.meta.url));

let bundled: URL | undefined;

/**
 * The Node worker's code, bundled into one module, as a `data:` URL a worker thread can load.
 * Node cannot load TypeScript by itself, and compiling it in each worker (with tsx's loader, on
 * a loader thread of its own) would cost every worker memory and a thread (docs/benchmarks.md).
 * Built once per process by the esbuild that tsx compiles the rest of the command line with;
 * the tests check that its results match the engine's in this thread bit for bit.
 */
export function nodeWorkerBundle(): URL {
  if (bundled) return bundled;
  let code: string;
  try {
    const { outputFiles } = buildSync({
      entryPoints: [ENTRY],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    code = outputFiles[0]!.text;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`The simulation workers' code could not be built (${reason}).`, {
      cause: error,
    });
  } finally {
    // buildSync runs esbuild from a worker thread of its own, kept for later calls; ended now,
    // its memory is free for the rest of the run. stop() also ends esbuild's service for
    // asynchronous calls in this thread; either starts again by itself on the next call.
    void stop();
  }
  bundled = new URL(`data:text/javascript,${encodeURIComponent(code)}`);
  return bundled;
}
