import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SMALL_SCENARIO = fileURLToPath(
  new URL('../runner/fixtures/small-scenario.json', import.meta.url),
);

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/shortfall.js ARGS` as a user would, from `cwd`. */
export function runCli(args: string[], cwd = REPO): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${REPO}bin/shortfall.js`, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Output that gives a stack trace away. */
export const STACK_TRACE = /\n\s+at |node:internal|\.[jt]s:\d+:\d+/;
