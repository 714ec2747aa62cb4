import { expose } from 'comlink';
import { createWorkerApi } from '../src/runner/workerApi.ts';

/** Browser module worker: runs chunks of replications for the pool in src/runner/pool.ts. */
expose(createWorkerApi());
