// Node cannot load TypeScript by itself: register tsx in this thread, then load the worker.
import { register } from 'tsx/esm/api';

register();
await import('./node-simulation.worker.ts');
