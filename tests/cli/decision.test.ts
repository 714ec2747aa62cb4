import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fms from '../../src/cli/commands/fms.ts';
import goalSeek from '../../src/cli/commands/goal-seek.ts';
import sensitivity from '../../src/cli/commands/sensitivity.ts';
import { tinyScenario } from '../decision/tinyScenario.ts';
import { captureIo } from './captureIo.ts';

const dir = mkdtempSync(join(tmpdir(), 'shortfall-decision-'));
writeFileSync(join(dir, 'tiny.json'), JSON.stringify(tinyScenario()));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('decision commands', () => {
  it('goal-seek --format json prints the answer and the curve', async () => {
    const io = captureIo(dir);
    const code = await goalSeek.run(
      [
        'tiny.json',
        '--lever',
        'inPost:u:fi',
        '--metric',
        'unexaminedSuspects',
        '--below',
        '1',
        '--confidence',
        '0.9',
        '--min',
        '0',
        '--max',
        '8',
        '--replications',
        '5',
        '--seed',
        'cli',
        '--workers',
        '1',
        '--format',
        'json',
      ],
      io,
    );
    expect(code).toBe(0);
    const json = JSON.parse(io.out.join('')) as Record<string, unknown>;
    expect(json).toMatchObject({
      answer: 3,
      lever: 'inPost:u:fi',
      metric: 'unexaminedSuspects',
      below: 1,
      confidence: 0.9,
      replications: 5,
      seed: 'cli',
    });
    expect(json.curve).toContainEqual(expect.objectContaining({ value: 3, probability: 1, se: 0 }));
    expect(json.curve).toContainEqual(expect.objectContaining({ value: 2, probability: 0, se: 0 }));
    expect(json.meaning).toMatchObject({
      sentence: expect.stringMatching(/^2 more posts and 2 more trained/),
    });
  });

  it('goal-seek names a lever it cannot find', async () => {
    await expect(
      goalSeek.run(
        [
          'tiny.json',
          '--lever',
          'inPost:nowhere:fi',
          '--metric',
          'unexaminedSuspects',
          '--below',
          '1',
        ],
        captureIo(dir),
      ),
    ).rejects.toThrow(/Unit "nowhere"/);
  });

  it('sensitivity prints the tornado table, largest swing first', async () => {
    const io = captureIo(dir);
    await sensitivity.run(
      ['tiny.json', '--metric', 'unexaminedSuspects', '--replications', '3', '--workers', '1'],
      io,
    );
    const text = io.out.join('');
    expect(text).toMatch(/One-at-a-time/);
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.startsWith('Input'));
    expect(lines[first + 1]).toMatch(/^Cases per month/);
    expect(lines[first + 2]).toMatch(/^Hours per suspect/);
  });

  it('sensitivity says under its table which settings were not run, and why', async () => {
    // About 720,000 cases a year at the base, none bringing work; the normal's high setting
    // (mean + 1.28 sd) asks for more cases than a run may draw, so it is not run.
    const heavy = tinyScenario({ casesPerMonth: { dist: 'normal', mean: 0, sd: 150_000 } });
    heavy.units[0]!.demand[0]!.itemsPerCase = 0;
    writeFileSync(join(dir, 'heavy.json'), JSON.stringify(heavy));
    const io = captureIo(dir);
    await sensitivity.run(
      ['heavy.json', '--metric', 'suspectsArrived', '--replications', '2', '--workers', '1'],
      io,
    );
    const text = io.out.join('');
    expect(text).toMatch(
      /\nCases per month: high setting not run: units\[0\]\.demand\[0\]\.casesPerMonth: /,
    );
    expect(text).not.toMatch(/low setting not run/);
  }, 60_000);

  it('sensitivity on a terminal numbers its runs in one line of progress, erased before the table', async () => {
    const io = { ...captureIo(dir), stderrIsTty: true };
    await sensitivity.run(
      ['tiny.json', '--metric', 'unexaminedSuspects', '--replications', '3', '--workers', '1'],
      io,
    );
    const erase = '\r\x1b[2K';
    const runs = io.err.flatMap((t) =>
      t.startsWith(erase)
        ? (/^Run (\d+): \d+\/3 replications/.exec(t.slice(erase.length))?.[1] ?? [])
        : [],
    );
    // The base case and a low and a high setting of each input, numbered in order.
    expect(runs.length).toBeGreaterThanOrEqual(5);
    expect(runs[0]).toBe('1');
    expect(new Set(runs).size).toBe(Number(runs.at(-1)));
    expect(runs.map(Number)).toEqual([...runs.map(Number)].sort((a, b) => a - b));
    expect(io.err.at(-1)).toBe(erase);
    expect(io.out.join('')).toMatch(/One-at-a-time/);
  });

  it('fms writes the CSV to the file given', async () => {
    const io = captureIo(dir);
    await fms.run(['tiny.json', '--out', 'fms.csv', '--replications', '3', '--workers', '1'], io);
    const csv = readFileSync(join(dir, 'fms.csv'), 'utf8');
    expect(csv).toMatch(/^Demand the force will not be able to meet: Tiny unit\r\n/);
    expect(csv).toContain('Year 1 (months 1–12),120,');
    expect(csv).toContain('Assumptions register');
  });

  it.each([
    [
      'goal-seek',
      goalSeek,
      ['--lever', 'inPost:u:fi', '--metric', 'unexaminedSuspects', '--below', '1'],
    ],
    ['sensitivity', sensitivity, ['--metric', 'unexaminedSuspects']],
    ['fms', fms, []],
  ])('%s stops with "Cancelled." and exit code 130 when interrupted', async (_, command, flags) => {
    const io = { ...captureIo(dir), signal: AbortSignal.abort() };
    await expect(
      command.run(['tiny.json', ...flags, '--replications', '3', '--workers', '1'], io),
    ).rejects.toMatchObject({ message: 'Cancelled.', exitCode: 130 });
    expect(io.out).toEqual([]);
  });
});
