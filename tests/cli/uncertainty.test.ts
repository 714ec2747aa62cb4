import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli } from './runCli.ts';

vi.setConfig({ testTimeout: 60_000 });

const scratch = mkdtempSync(join(tmpdir(), 'shortfall-uncertain-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FILE = join(scratch, 'uncertain.json');
writeFileSync(
  FILE,
  JSON.stringify({
    format: 'shortfall-scenario',
    schemaVersion: 2,
    name: 'Uncertain demand',
    horizonMonths: 12,
    roles: [{ id: 'fi', name: 'Financial investigator', productiveHoursPerYear: 1200 }],
    units: [
      {
        id: 'u',
        name: 'Unit',
        staff: [{ role: 'fi', establishment: 5, inPost: 5, attritionPerYear: 0 }],
        demand: [
          {
            id: 'd',
            name: 'Drug supply',
            kind: 'suspects',
            role: 'fi',
            casesPerMonth: {
              dist: 'poisson',
              mean: { uncertain: { dist: 'uniform', min: 30, max: 50 } },
            },
            hoursPerItem: 10,
            windowMonths: 0,
          },
        ],
      },
    ],
  }),
);

describe('uncertain assumptions on the command line', () => {
  it('JSON gives each total’s variance shares by path, and chance', async () => {
    const { code, stdout, stderr } = await runCli([
      'run',
      FILE,
      '--replications',
      '2000',
      '--format',
      'json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    const u = out.uncertainty.suspectsArrived;
    const share = u.shares['units[0].demand[0].casesPerMonth.mean'];
    // 144·Var λ / (12·E λ + 144·Var λ) = 0.909; the binned estimate at n = 2,000 is within 0.05.
    expect(Math.abs(share - 0.909)).toBeLessThan(0.05);
    expect(u.chance).toBeCloseTo(1 - share, 10);
  });

  it('the table says where the ranges come from', async () => {
    const { code, stdout } = await runCli([
      'run',
      FILE,
      '--replications',
      '500',
      '--format',
      'table',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('The 90% ranges include the uncertain assumptions.');
    expect(stdout).toMatch(
      /Suspects not examined for assets: .*Unit, Drug supply: Cases per month \(average\)/,
    );
  });
});
