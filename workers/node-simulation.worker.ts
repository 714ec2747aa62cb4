import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { createWorkerApi } from '../src/runner/workerApi.ts';

/** Node worker thread: runs chunks of replications for the pool in src/runner/pool.ts. */
if (!parentPort) throw new Error('This file runs as a worker thread.');
expose(createWorkerApi(), nodeEndpoint(parentPort));
