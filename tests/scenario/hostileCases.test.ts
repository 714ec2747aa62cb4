import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunAggregate } from '../../src/engine/aggregate/runAggregate.ts';
import { amountSampler, countSampler } from '../../src/engine/random/sampler.ts';
import { streamRng } from '../../src/engine/random/rng.ts';
import { InThreadRunner } from '../../src/runner/inThreadRunner.ts';
import { RunFailed } from '../../src/runner/runner.ts';
import { createNodeRunner } from '../../src/runner/node/nodeRunner.ts';
import type { Distribution } from '../../src/scenario/distribution.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { expectedMean } from '../../src/scenario/distributionMoments.ts';
import { LIMITS } from '../../src/scenario/limits.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import { describeProblems } from '../../src/scenario/problem.ts';
import { baseFile, HOSTILE, stream } from '../fixtures/hostileFiles.ts';

/**
 * A case that looped over its demand would run for minutes: each case must be decided (refused
 * or run) within this time limit, far above what a healthy case takes, so a slow machine never
 * fails it for the wrong reason.
 */
const CASE_LIMIT_MS = 30_000;

function expectFinite(aggregate: RunAggregate, replications: number): void {
  const summary = aggregate.summary();
  expect(summary.replications).toBe(replications);
  for (const [metric, stat] of Object.entries(summary.totals)) {
    for (const [key, value] of Object.entries(stat)) {
      if (typeof value === 'number' && !Number.isFinite(value))
        throw new Error(`${metric}.${key} is ${value}`);
    }
  }
}

describe('hostile scenario files', () => {
  it.each(HOSTILE)(
    '$name',
    async ({ spoil, refusedAt, message }) => {
      const file = baseFile();
      spoil(file);
      const result = validateScenario(file);
      if (refusedAt !== undefined) {
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.problems).toHaveLength(1);
        expect(result.problems[0]!.path).toBe(refusedAt);
        if (message) expect(result.problems[0]!.message).toMatch(message);
        const lines = describeProblems(result.problems);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(new RegExp(`^${refusedAt.replace(/[[\].]/g, '\\$&')}: [^\n]+$`));
      } else {
        if (!result.ok) throw new Error(describeProblems(result.problems).join('\n'));
        const aggregate = await new InThreadRunner().run({
          scenario: result.value,
          seed: result.value.seed,
          replications: result.value.replications,
        });
        expectFinite(aggregate, result.value.replications);
      }
    },
    CASE_LIMIT_MS,
  );
});

describe('a run whose totals are not finite', () => {
  it('fails on a worker pool naming the total, rather than report success', async () => {
    // Built past validation, as no file can be now: its draws reach Infinity.
    const file = baseFile();
    const valid = validateScenario(file);
    if (!valid.ok) throw new Error('the base scenario is not valid');
    const scenario = structuredClone(valid.value);
    scenario.units[0]!.demand[0]!.assetValue = { dist: 'lognormal', median: 1e-300, p90: 1e10 };
    scenario.units[0]!.demand[0]!.casesPerMonth = 2000;
    const runner = createNodeRunner({ size: 1 });
    try {
      const failed = runner.run({ scenario, seed: 'overflow', replications: 4 });
      await expect(failed).rejects.toBeInstanceOf(RunFailed);
      await expect(failed).rejects.toThrow(
        /^Scenario ".*" with seed "overflow" failed at replications \d+–\d+: the total "[A-Za-z.]+" of replication \d+ came out as (NaN|-?Infinity), not a finite number/,
      );
    } finally {
      runner.dispose();
    }
  }, 60_000);
});

describe('a replication past the item limit of the engine', () => {
  /** Valid by its expected demand, but the rare case brings more items than a replication can hold. */
  function heavyTailed(): Scenario {
    const file = baseFile();
    const stream = file.units[0]!.demand[0]! as Record<string, unknown>;
    stream.itemsPerCase = { dist: 'uniform', min: 4_200_000, max: 4_200_001 };
    stream.casesPerMonth = { dist: 'poisson', mean: 0.001 };
    const valid = validateScenario(file);
    if (!valid.ok) throw new Error(describeProblems(valid.problems).join('\n'));
    return valid.value;
  }

  it('fails naming the demand field that brings the work, never a worker', async () => {
    const scenario = heavyTailed();
    const field = 'units[0].demand[0].casesPerMonth';
    for (const runner of [new InThreadRunner(), createNodeRunner({ size: 1 })]) {
      try {
        const failed = runner.run({ scenario, seed: 'limit', replications: 400 });
        await expect(failed).rejects.toThrow(field);
        await expect(failed).rejects.not.toThrow(/worker/i);
      } finally {
        runner.dispose();
      }
    }
  }, 60_000);
});

/** Doubles at and around a boundary, and those no limit may let through. */
function around(limit: number): fc.Arbitrary<number> {
  const eps = Number.EPSILON;
  return fc.oneof(
    fc.constantFrom(
      NaN,
      Infinity,
      -Infinity,
      Number.MIN_VALUE,
      2.2250738585072014e-308 / 3,
      limit * (1 - eps),
      limit,
      limit * (1 + eps),
      limit * (1 + 2 * eps),
    ),
    fc.double({ min: limit / 2, max: limit * 2, noNaN: true }),
  );
}

const FUZZ = { seed: 18, numRuns: 300, interruptAfterTimeLimit: 4_000 } as const;

function withStream(edit: Record<string, unknown>): unknown {
  const file = baseFile();
  Object.assign(stream(file), edit);
  return file;
}

describe('the limits, fuzzed around their boundaries', () => {
  it('refuse expected cases past the limit, and anything not finite, naming the field', () => {
    const perMonth = LIMITS.casesPerReplication / 24;
    fc.assert(
      fc.property(around(perMonth), (cases) => {
        const result = validateScenario(withStream({ casesPerMonth: cases, itemsPerCase: 0 }));
        const allowed =
          cases >= 0 && cases <= LIMITS.parameter && cases * 24 <= LIMITS.casesPerReplication;
        expect(result.ok).toBe(allowed);
        if (!result.ok)
          expect(result.problems[0]!.path).toMatch(/^units\[0]\.demand\[0]\.casesPerMonth/);
      }),
      FUZZ,
    );
  });

  it('refuse expected items past the limit, and anything not finite, naming the field', () => {
    const cases = 1000 * 24;
    fc.assert(
      fc.property(around(LIMITS.itemsPerReplication / cases), (items) => {
        const result = validateScenario(withStream({ casesPerMonth: 1000, itemsPerCase: items }));
        const allowed = items >= 0 && cases * items <= LIMITS.itemsPerReplication;
        expect(result.ok).toBe(allowed);
        if (!result.ok) {
          expect(result.problems).toHaveLength(1);
          expect(result.problems[0]!.path).toMatch(
            /^units\[0]\.demand\[0]\.(casesPerMonth|itemsPerCase)$/,
          );
        }
      }),
      FUZZ,
    );
  });

  it('refuse lognormals past the spread or below the floor, and draw finite values from the rest', () => {
    const median = fc.oneof(around(LIMITS.smallestParameter), around(1e7));
    const spread = around(LIMITS.lognormalSpread);
    fc.assert(
      fc.property(median, spread, (m, ratio) => {
        const p90 = m * ratio;
        const d = { dist: 'lognormal', median: m, p90 };
        const result = validateScenario(withStream({ assetValue: d }));
        const allowed =
          m >= LIMITS.smallestParameter &&
          p90 <= LIMITS.parameter &&
          p90 > m &&
          p90 <= m * LIMITS.lognormalSpread;
        expect(result.ok).toBe(allowed);
        if (!result.ok) {
          // One problem a field: both are named when both are wrong (a NaN median makes p90 NaN).
          const paths = result.problems.map((p) => p.path);
          expect(new Set(paths).size).toBe(paths.length);
          for (const path of paths) expect(path).toMatch(/^units\[0]\.demand\[0]\.assetValue\./);
          return;
        }
        const valid = result.value.units[0]!.demand[0]!.assetValue;
        expect(Number.isFinite(expectedMean(valid))).toBe(true);
        const draw = amountSampler(valid);
        const rng = streamRng(`fuzz ${m} ${ratio}`);
        for (let i = 0; i < 200; i++) expect(Number.isFinite(draw(rng, 1))).toBe(true);
      }),
      FUZZ,
    );
  });

  it('give a truncated normal a finite mean between 0 and max(mean, 0) + sd', () => {
    const sd = fc.oneof(
      around(1),
      fc.constantFrom(Number.MIN_VALUE, 1e-300, LIMITS.parameter),
      fc.double({ min: 0, max: LIMITS.parameter, noNaN: true }),
    );
    const mean = fc.double({ min: -LIMITS.parameter, max: LIMITS.parameter, noNaN: true });
    fc.assert(
      fc.property(mean, sd, (m, s) => {
        const d: Distribution = { dist: 'normal', mean: m, sd: s };
        const result = validateScenario(withStream({ casesPerMonth: d }));
        if (!(s >= 0 && s <= LIMITS.parameter)) {
          expect(result.ok).toBe(false);
          return;
        }
        const e = expectedMean(d);
        expect(Number.isFinite(e)).toBe(true);
        expect(e).toBeGreaterThanOrEqual(0);
        expect(e).toBeLessThanOrEqual(Math.max(m, 0) + s);
        // The limit check sees a number, so it decides: never a NaN that lets a file through.
        const expected = e * 24;
        expect(result.ok).toBe(expected <= LIMITS.casesPerReplication);
        const count = countSampler(d);
        const rng = streamRng(`normal ${m} ${s}`);
        for (let i = 0; i < 20; i++) expect(Number.isFinite(count(rng, 1))).toBe(true);
      }),
      FUZZ,
    );
  });
});
