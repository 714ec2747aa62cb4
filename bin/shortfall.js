#!/usr/bin/env node
// Runs the command line compiled into build/cli/ by `npm run build:cli`, which `npm ci` runs.
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../build/cli/main.js', import.meta.url))) {
  process.stderr.write('shortfall: the command line is not built; run "npm run build:cli".\n');
  process.exit(1);
}
// V8's flags are set before any other code runs: see src/runner/node/inliningBudget.ts.
const { raiseInliningBudgets } = await import('../build/cli/inliningBudget.js');
raiseInliningBudgets();
const { main } = await import('../build/cli/main.js');
const { processIo } = await import('../build/cli/io.js');
process.exitCode = await main(process.argv.slice(2), processIo());
