#!/usr/bin/env node
// Runs a TypeScript script (`node bin/run-ts.js scripts/bench.ts ARGS`) by registering tsx first.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const [script, ...rest] = process.argv.slice(2);
if (!script) {
  process.stderr.write('Usage: node bin/run-ts.js SCRIPT.ts [ARGS]\n');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(script), ...rest];
register();
await import(pathToFileURL(resolve(script)).href);
