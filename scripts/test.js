#!/usr/bin/env node
// `npm test`: every quality gate, in order, stopping at the first failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import process from 'node:process';

/** Where Vitest writes its counts, read back for the closing line. */
const RESULTS = 'test-results/vitest-results.json';

const steps = [
  ['Ensure system Chromium', 'node', ['scripts/ensure-chromium.js']],
  ['ESLint', 'npx', ['eslint', '.']],
  ['Prettier', 'npx', ['prettier', '--check', '.']],
  ['Runtime dependency licences and sources', 'node', ['scripts/check-licences.js']],
  ['svelte-check', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']],
  [
    'Engine purity (tsc, ES2022 lib only)',
    'npx',
    ['tsc', '-p', 'tsconfig.engine.json', '--noEmit'],
  ],
  ['Vite build (needed by e2e tests)', 'npx', ['vite', 'build']],
  ['Command line build (spawned by CLI tests)', 'node', ['scripts/build-cli.js']],
  [
    'Vitest (unit, browser, e2e)',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}`],
  ],
];

/** The closing line CI reads: how many tests passed and failed. */
function printCounts() {
  if (!existsSync(RESULTS)) return;
  const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(RESULTS, 'utf8'));
  console.log(`\nTests: ${numPassedTests} passed, ${numFailedTests} failed`);
}

const started = Date.now();
rmSync(RESULTS, { force: true });
for (const [index, [title, cmd, args]] of steps.entries()) {
  const heading = `[${index + 1}/${steps.length}] ${title}: ${cmd} ${args.join(' ')}`;
  console.log(`\n${'='.repeat(heading.length)}\n${heading}\n${'='.repeat(heading.length)}`);
  const stepStart = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - stepStart) / 1000).toFixed(1);
  if (result.error || result.status !== 0) {
    const why = result.error
      ? result.error.message
      : result.signal
        ? `signal ${result.signal}`
        : `exit code ${result.status}`;
    console.error(
      `\nFAILED at step ${index + 1}/${steps.length} (${title}) after ${seconds}s: ${why}`,
    );
    printCounts();
    process.exit(typeof result.status === 'number' && result.status !== 0 ? result.status : 1);
  }
  console.log(`-> ${title} passed (${seconds}s)`);
}
console.log(
  `\nAll ${steps.length} steps passed in ${((Date.now() - started) / 1000).toFixed(1)}s.`,
);
printCounts();
