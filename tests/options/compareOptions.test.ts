import { describe, expect, it, vi } from 'vitest';
import { inThreadEvaluate } from '../../src/decision/evaluate.ts';
import { runScenario } from '../../src/engine/run.ts';
import { applyOption, baselineOf } from '../../src/options/applyOption.ts';
import { runOptions } from '../../src/options/compareOptions.ts';
import { findBottleneck } from '../../src/results/bottleneck.ts';
import { pooledWithOptions, smallWithOptions } from './fixture.ts';

// Each case runs the small force three times in this thread.
vi.setConfig({ testTimeout: 60_000 });

const REPLICATIONS = 200;

describe('runOptions', () => {
  const scenario = smallWithOptions();
  const settings = { seed: 'paired', replications: REPLICATIONS };

  it('runs the baseline and each option on one seed and pairs them', async () => {
    const names: string[] = [];
    const result = await runOptions(
      scenario,
      scenario.options!,
      inThreadEvaluate(),
      settings,
      (_, n) => names.push(n),
    );
    expect(names).toEqual(['Baseline', 'Fill the 2 vacancies', 'Four more posts']);
    const base = runScenario(baselineOf(scenario), settings);
    const applied = applyOption(scenario, scenario.options![1]!);
    if (!applied.ok) throw new Error('fixture option must apply');
    const option = runScenario(applied.value, settings);
    const a = base.values('unexaminedSuspects');
    const b = option.values('unexaminedSuspects');
    const diffs = b.map((x, i) => x - a[i]!);
    const compared = result.options[1]!;
    expect(compared.totals.unexaminedSuspects!.difference.mean).toBeCloseTo(
      diffs.reduce((s, d) => s + d, 0) / REPLICATIONS,
      9,
    );
    expect(compared.probabilityBetter).toBe(diffs.filter((d) => d < 0).length / REPLICATIONS);
    // Demand is the same in every replication of every run: only the staffing differs.
    expect(compared.totals.suspectsArrived!.difference.min).toBe(0);
    expect(compared.totals.suspectsArrived!.difference.max).toBe(0);
  });

  it('gives a far narrower range paired than the runs’ own ranges', async () => {
    const result = await runOptions(scenario, scenario.options!, inThreadEvaluate(), settings);
    const t = result.options[1]!.totals.suspectsExamined!;
    expect(t.difference.sd).toBeLessThan(t.baseline.sd);
    // More posts and hires cannot examine fewer suspects on average.
    expect(t.difference.mean).toBeGreaterThan(0);
  });

  it('gives the same answer whatever the chunk size', async () => {
    const one = await runOptions(scenario, scenario.options!, inThreadEvaluate(7), settings);
    const two = await runOptions(scenario, scenario.options!, inThreadEvaluate(100), settings);
    expect(one.options.map((o) => [o.sentence, o.totals, o.cost])).toEqual(
      two.options.map((o) => [o.sentence, o.totals, o.cost]),
    );
  });

  it('writes the sentence from the paired difference of the lead total', async () => {
    const result = await runOptions(
      scenario,
      [scenario.options![1]!],
      inThreadEvaluate(),
      settings,
    );
    const o = result.options[0]!;
    expect(o.lead).toBe('unexaminedSuspects');
    expect(o.sentence.startsWith('Four more posts: about ')).toBe(true);
    expect(o.sentence).toContain('over two years (in 9 futures out of 10, between ');
    expect(o.changes).toEqual([
      'Small force · Financial investigator · Posts: 6 → 10',
      'Small force · Financial investigator · Most hires a month: 1 → 2',
    ]);
  });
});

describe('what an option changes, and what still limits it', () => {
  it('says which constraint binds when an option changes nothing', async () => {
    // One training seat a year, taken every year: more posts only lengthen the queue for it.
    const scenario = smallWithOptions();
    scenario.roles[0]!.trainingSeatsPerYear = 1;
    scenario.units[0]!.staff[0]!.attritionPerYear = 0.4;
    const result = await runOptions(scenario, [scenario.options![1]!], inThreadEvaluate(), {
      seed: 'seats',
      replications: 100,
    });
    const o = result.options[0]!;
    expect(o.totals.unexaminedSuspects!.difference.p05).toBe(0);
    expect(o.totals.unexaminedSuspects!.difference.p95).toBe(0);
    expect(o.bottleneck.kind).toBe('trainingSeats');
    expect(o.bottleneck).toEqual(findBottleneck(o.run.scenario, o.run.summary));
    expect(o.sentence).toMatch(/^Four more posts: no change: /);
    expect(o.sentence.endsWith(` ${o.bottleneck.sentence}`)).toBe(true);
    expect(o.bottleneck.sentence).toMatch(/^Training seats are the limit: the one seat a year/);
    expect(result.baselineBottleneck).toEqual(
      findBottleneck(result.baseline.scenario, result.baseline.summary),
    );
  });

  it('leaves the binding constraint out of the sentence of an option that changes things', async () => {
    const scenario = smallWithOptions();
    const result = await runOptions(scenario, scenario.options!, inThreadEvaluate(), {
      seed: 'paired',
      replications: 100,
    });
    for (const o of result.options) {
      expect(o.sentence).not.toContain(o.bottleneck.sentence);
      expect(o.byUnit).toBeNull();
    }
  });

  it('says who gains in a scenario of two units, each unit paired as the totals are', async () => {
    const scenario = pooledWithOptions();
    const result = await runOptions(scenario, scenario.options!, inThreadEvaluate(), {
      seed: 'pooled',
      replications: 100,
    });
    for (const o of result.options) {
      expect(o.byUnit!.map((u) => [u.unit, u.name])).toEqual([
        ['north', 'North'],
        ['south', 'South'],
      ]);
      // Every suspect counts for one unit, so the units' differences add up to the total's (to
      // the single precision breakdowns are kept in).
      for (const metric of ['unexaminedSuspects', 'suspectsExamined', 'recovered'] as const) {
        const sum = o.byUnit!.reduce((s, u) => s + u.totals[metric]!.difference.mean, 0);
        const total = o.totals[metric]!.difference.mean;
        expect(Math.abs(sum - total)).toBeLessThanOrEqual(1e-6 * Math.abs(total) + 1e-9);
      }
      const south = o.byUnit![1]!.totals.unexaminedSuspects!;
      const base = runScenario(baselineOf(scenario), { seed: 'pooled', replications: 100 });
      expect(south.baseline.mean).toBeCloseTo(base.stat('byUnit.south.unexaminedSuspects').mean, 9);
      expect(south.better).toBe('lower');
    }
    // More posts in South leave North's own staff and demand as they were.
    const posts = result.options[1]!.byUnit![0]!.totals.unexaminedSuspects!.difference;
    expect([posts.min, posts.max]).toEqual([0, 0]);
  });
});
