import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { WORKERS_PER_CORE } from '../../src/cli/runFlags.ts';
import { REPO, SMALL_SCENARIO, STACK_TRACE, type CliResult } from './runCli.ts';

// Each case starts Node, which compiles TypeScript as it loads, and some start worker threads.
vi.setConfig({ testTimeout: 60_000 });

const scratch = mkdtempSync(join(tmpdir(), 'shortfall-pipes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs a bash command line from the repository, `$SHORTFALL` standing for the command. */
function shell(script: string, stdin?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], {
      cwd: REPO,
      env: {
        ...process.env,
        SHORTFALL: `${JSON.stringify(process.execPath)} ${JSON.stringify(`${REPO}bin/shortfall.js`)}`,
        SMALL: SMALL_SCENARIO,
        SCRATCH: scratch,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const RUN = 'eval $SHORTFALL run "$SMALL" --replications 60 --workers 1';
const VALIDATE = 'eval $SHORTFALL validate';
const oneLine = (pattern: RegExp) => (stderr: string) => {
  expect(stderr).toMatch(/^[^\n]+\n$/);
  expect(stderr).toMatch(pattern);
};

interface Case {
  name: string;
  script: string;
  stdin?: string;
  codes: number[];
  stdout?: string | RegExp;
  stderr: (stderr: string) => void;
}

const scenarioText = readFileSync(SMALL_SCENARIO, 'utf8');
const nothing = (stderr: string) => expect(stderr).toBe('');

const CASES: Case[] = [
  {
    name: 'run | head -1 prints the first line and nothing on stderr',
    script: `${RUN} | head -1; exit \${PIPESTATUS[0]}`,
    // The whole output may fit in the pipe before head closes it, and then no write fails.
    codes: [0, 141],
    stdout: '{\n',
    stderr: nothing,
  },
  {
    name: 'run into a pipe whose reader has already gone stops silently with 141',
    script: `${RUN} | true; exit \${PIPESTATUS[0]}`,
    codes: [141],
    stdout: '',
    stderr: nothing,
  },
  {
    name: 'run with standard output closed fails in one line',
    script: `${RUN} >&-`,
    codes: [1],
    stderr: oneLine(/^shortfall: standard output is closed/),
  },
  {
    name: 'sensitivity with standard output closed fails before it runs anything',
    script:
      'eval $SHORTFALL sensitivity "$SMALL" --metric unexaminedSuspects --replications 100000 >&-',
    codes: [1],
    stderr: oneLine(/^shortfall: standard output is closed/),
  },
  {
    name: 'run with standard output closed still writes to --out',
    script: `rm -f "$SCRATCH/closed.json"; ${RUN} --out "$SCRATCH/closed.json" >&- && test -s "$SCRATCH/closed.json"`,
    codes: [0],
    stderr: oneLine(/^Results written to .*closed\.json$/m),
  },
  {
    name: '--version with standard output closed fails in one line',
    script: 'eval $SHORTFALL --version >&-',
    codes: [1],
    stderr: oneLine(/^shortfall: standard output is closed/),
  },
  {
    name: 'run into a full disk fails in one line naming the error',
    script: `${RUN} > /dev/full`,
    codes: [1],
    stderr: oneLine(/^shortfall: standard output cannot be written \(ENOSPC\)\.$/m),
  },
  {
    name: 'run into /dev/null is not a closed output',
    script: `${RUN} > /dev/null`,
    codes: [0],
    stdout: '',
    stderr: nothing,
  },
  {
    name: '--workers 256 is refused naming --workers and the cap',
    script: 'eval $SHORTFALL run "$SMALL" --workers 256',
    codes: [2],
    stdout: '',
    stderr: oneLine(
      new RegExp(
        `^--workers must be a whole number from 1 to ${WORKERS_PER_CORE * availableParallelism()}, not "256"\\.$`,
        'm',
      ),
    ),
  },
  {
    name: 'validate reads a named pipe whose writer starts after it',
    script: `rm -f "$SCRATCH/fifo"; mkfifo "$SCRATCH/fifo"; (cat "$SMALL" > "$SCRATCH/fifo" &); ${VALIDATE} "$SCRATCH/fifo"`,
    codes: [0],
    stdout: 'valid\n',
    stderr: nothing,
  },
  {
    name: 'validate reads /dev/stdin fed by a shell pipe',
    script: `cat "$SMALL" | ${VALIDATE} /dev/stdin`,
    codes: [0],
    stdout: 'valid\n',
    stderr: nothing,
  },
  {
    name: 'validate reads /dev/stdin fed by the parent process (a socket)',
    script: `${VALIDATE} /dev/stdin`,
    stdin: scenarioText,
    codes: [0],
    stdout: 'valid\n',
    stderr: nothing,
  },
  {
    name: 'validate of /dev/stdin from a pipe that ends at once says the file is empty',
    script: `: | ${VALIDATE} /dev/stdin`,
    codes: [1],
    stdout: '',
    stderr: oneLine(/^\/dev\/stdin: The file is empty\./),
  },
  {
    name: 'validate of /dev/stdin when standard input is closed says the file is empty',
    script: `${VALIDATE} /dev/stdin <&-`,
    codes: [1],
    stdout: '',
    stderr: oneLine(/^\/dev\/stdin: The file is empty\./),
  },
  {
    name: 'validate of /dev/zero stops at the size limit',
    script: `${VALIDATE} /dev/zero`,
    codes: [1],
    stdout: '',
    stderr: oneLine(/^\/dev\/zero: more than 5\.0 MB arrived/),
  },
  {
    name: 'validate of /dev/stdin stops a pipe at the size limit',
    script: `head -c 6000000 /dev/zero | ${VALIDATE} /dev/stdin`,
    codes: [1],
    stdout: '',
    stderr: oneLine(/^\/dev\/stdin: more than 5\.0 MB arrived/),
  },
];

describe('the command line in pipes and files', () => {
  it.each(CASES)('$name', async ({ script, stdin, codes, stdout, stderr }) => {
    const result = await shell(script, stdin);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    stderr(result.stderr);
    expect(codes).toContain(result.code);
    if (typeof stdout === 'string') expect(result.stdout).toBe(stdout);
  });
});

describe('--out in files', () => {
  const input = join(scratch, 'input.json');
  const existing = join(scratch, 'existing.json');
  const CASES_OUT = [
    { name: 'the input scenario itself, even with --force', out: input, force: true, code: 2 },
    { name: 'an existing file without --force', out: existing, force: false, code: 2 },
    { name: 'an existing file with --force', out: existing, force: true, code: 0 },
  ];

  it.each(CASES_OUT)('--out $name', async ({ out, force, code }) => {
    writeFileSync(input, scenarioText);
    writeFileSync(existing, 'before');
    const result = await shell(
      `eval $SHORTFALL run "${input}" --replications 20 --workers 1 --out "${out}" ${force ? '--force' : ''}`,
    );
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(readFileSync(input, 'utf8')).toBe(scenarioText);
    if (code === 0) {
      expect(JSON.parse(readFileSync(out, 'utf8')).replications).toBe(20);
      expect(result.stderr).toBe(`Results written to ${out}\n`);
    } else {
      expect(result.stderr).toMatch(
        /^--out .* (is the scenario file being read|already exists; add --force)/,
      );
      expect(result.stderr.split('\n')).toHaveLength(2);
      if (out === existing) expect(readFileSync(existing, 'utf8')).toBe('before');
    }
  });
});

describe('numbers in messages', () => {
  it('quotes 1e-400 and 9007199254740993 as the file wrote them', async () => {
    const path = join(scratch, 'numbers.json');
    writeFileSync(
      path,
      scenarioText
        .replace('"inPost": 4', '"inPost": 9007199254740993')
        .replace('"median": 20,', '"median": 1e-400,'),
    );
    const { code, stderr } = await shell(`${VALIDATE} "${path}"`);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'units[0].staff[0].inPost: must be at most 20,000, not 9007199254740993:',
    );
    expect(stderr).toContain(
      'units[0].demand[0].hoursPerItem.median: must be at least 0.000001, not 1e-400.',
    );
    expect(stderr).not.toContain('9007199254740992');
  });
});
