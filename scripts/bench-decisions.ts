/**
 * `npm run bench:decisions`: the decision tools' timings alone (the MPS tornado and goal seek on
 * the command line's Node pool and in the app), for checking them without the whole benchmark.
 * `npm run bench` measures the same and writes them into docs/benchmarks.md.
 */
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import os from 'node:os';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';
import { measureDecisionToolsApp, measureDecisionToolsNode } from './bench/decisionTools.ts';
import { raiseInliningBudgets } from '../src/runner/node/inliningBudget.ts';

raiseInliningBudgets();
console.log(
  `Load average at the start: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')}`,
);
const node = await measureDecisionToolsNode();
console.log(
  `Command line (${node.workers} workers): tornado ${node.tornado.seconds.toFixed(1)} s (${node.tornado.replications} replications, ${node.tornado.answer}); goal seek ${node.goal.seconds.toFixed(1)} s (${node.goal.replications} replications, ${node.goal.answer})`,
);
await build({ logLevel: 'error' });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const app = await measureDecisionToolsApp(await browser.newPage(), `http://127.0.0.1:${port}`);
  console.log(
    `App (${app.workers} workers): tornado ${app.tornadoSeconds.toFixed(1)} s; goal seek ${app.goalSeconds.toFixed(1)} s`,
  );
} finally {
  await browser.close();
  await server.close();
}
console.log(
  `Load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')}`,
);
