import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE, hostileFileText } from '../fixtures/hostileFiles.ts';
import { runCli, STACK_TRACE } from './runCli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'shortfall-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const refused = HOSTILE.filter((c) => c.refusedAt !== undefined);
const runs = HOSTILE.filter((c) => c.refusedAt === undefined);

function write(index: number, spoil: Parameters<typeof hostileFileText>[0]): string {
  const path = join(scratch, `case-${index}.json`);
  writeFileSync(path, hostileFileText(spoil));
  return path;
}

describe('the hostile files on the command line', () => {
  it.each(refused.map((c, i) => [c.name, c, i] as const))(
    'validate refuses: %s',
    async (_name, { spoil, refusedAt }, i) => {
      const { code, stdout, stderr } = await runCli(['validate', write(i, spoil)]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      const lines = stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]!.startsWith(`${refusedAt}: `)).toBe(true);
      expect(stderr).not.toMatch(STACK_TRACE);
    },
  );

  it.each(runs.map((c, i) => [c.name, c, i] as const))(
    'run gives finite results: %s',
    async (_name, { spoil }, i) => {
      const path = write(100 + i, spoil);
      const { code, stdout, stderr } = await runCli([
        'run',
        path,
        '--replications',
        '20',
        '--workers',
        '1',
        '--format',
        'json',
      ]);
      expect(stderr).not.toMatch(STACK_TRACE);
      expect(code).toBe(0);
      const { totals } = JSON.parse(stdout) as { totals: Record<string, Record<string, unknown>> };
      for (const [metric, stat] of Object.entries(totals)) {
        for (const [key, value] of Object.entries(stat)) {
          if (typeof value === 'number')
            expect(Number.isFinite(value), `${metric}.${key}`).toBe(true);
          else expect(value, `${metric}.${key}`).not.toBeNull();
        }
      }
    },
    30_000,
  );
});
