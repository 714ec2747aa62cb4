import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../../workers/node-simulation.worker.ts', import.meta.url));

let bundled: URL | undefined;

/**
 * The Node worker's code, bundled into one module, as a `data:` URL a worker thread can load.
 * Node cannot load TypeScript by itself; compiling it in each worker (with tsx's loader, on a
 * loader thread of its own) cost about 25 MB and an extra thread per worker, where a bundled
 * worker costs about 10 MB. Built once per process, in about 50 ms, with the esbuild that tsx
 * compiles the rest of the command line with, so the same source becomes the same code.
 */
export function nodeWorkerBundle(): URL {
  if (bundled) return bundled;
  const { outputFiles } = buildSync({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  bundled = new URL(`data:text/javascript,${encodeURIComponent(outputFiles[0]!.text)}`);
  return bundled;
}
