import { describe, expect, it } from 'vitest';
import { loadBuiltIn } from '../../src/files/builtInScenarios.ts';
import { demandKinds, establishmentByRole, headlines } from '../../src/results/headlines.ts';
import { smallRun, smallScenario } from './smallRun.ts';

describe('headlines', () => {
  const { summary, scenario } = smallRun();
  const list = headlines(summary, scenario);

  it('states unexamined suspects with the median and the 5th to 95th percentile range', () => {
    const h = list.find((x) => x.id === 'unexamined')!;
    const s = summary.totals.unexaminedSuspects;
    expect(h.sentence).toContain(Math.round(s.p50).toLocaleString('en-GB'));
    expect(h.sentence).toContain('over the next year');
    expect(h.range).toBe(
      `90% range ${Math.round(s.p05).toLocaleString('en-GB')} to ${Math.round(s.p95).toLocaleString('en-GB')}`,
    );
    expect(h.standardError).toContain('Monte Carlo standard error');
  });

  it('gives missed recovery and ARIS income in pounds', () => {
    expect(list.find((x) => x.id === 'missedRecovery')!.sentence).toMatch(
      /^£[\d.]+(k|m|bn)? of recoverable/,
    );
    expect(list.find((x) => x.id === 'missedForceIncome')!.sentence).toContain(
      'Incentivisation Scheme',
    );
  });

  it('leaves out analytical products when the scenario has none', () => {
    expect(list.some((x) => x.id === 'undeliveredProducts')).toBe(false);
  });

  it('states suppressed suspects only when some stream can leave cases unreferred', () => {
    expect(list.some((x) => x.id === 'suppressedSuspects')).toBe(false);
    const scenario = smallScenario((file) => {
      Object.assign(file.units[0]!.demand[0]!, { suppression: { backlogMonths: 0, share: 0.5 } });
    });
    const run = smallRun(10, scenario);
    const h = headlines(run.summary, scenario).find((x) => x.id === 'suppressedSuspects')!;
    expect(h.sentence).toMatch(/suspects will never be referred/);
    expect(h.stat.mean).toBeGreaterThan(0);
  });

  it('sets staff in post at the end against the establishment of every unit', () => {
    const h = list.find((x) => x.id === 'inPost.fi')!;
    expect(h.sentence).toContain('against 329 posts');
    expect(h.metric).toBe('inPost.fi');
  });

  it('adds up posts for a role across units', () => {
    const scenario = smallScenario((file) => {
      file.units.push({
        ...structuredClone(file.units[0]!),
        id: 'second',
        name: 'Second',
        demand: [],
      });
    });
    expect(establishmentByRole(scenario).get('fi')).toBe(658);
  });
});

describe('headlines for a scenario of analytical products', () => {
  it('lead with products not delivered and still waiting, without suspects or money', () => {
    const scenario = { ...loadBuiltIn('mps-analysts'), horizonMonths: 12 };
    expect(demandKinds(scenario)).toEqual({ suspects: false, products: true });
    const { summary } = smallRun(10, scenario);
    const ids = headlines(summary, scenario).map((h) => h.id);
    expect(ids.slice(0, 2)).toEqual(['undeliveredProducts', 'backlogProducts']);
    expect(ids).not.toContain('unexamined');
    expect(ids).not.toContain('missedRecovery');
  });
});
