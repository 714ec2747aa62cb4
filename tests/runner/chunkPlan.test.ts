import { describe, expect, it } from 'vitest';
import { chunkPlan, expectedWorkPerReplication } from '../../src/runner/chunkPlan.ts';
import { smallScenario } from './smallScenario.ts';

function covered(plan: [number, number][]): number[] {
  return plan.flatMap(([start, count]) => Array.from({ length: count }, (_, i) => start + i));
}

describe('chunkPlan', () => {
  it('covers every replication exactly once, in order, from the first asked for', () => {
    const scenario = smallScenario();
    for (const replications of [1, 2, 7, 100, 1234]) {
      for (const start of [0, 500]) {
        const plan = chunkPlan({ scenario, seed: 's', replications, start });
        expect(covered(plan)).toEqual(Array.from({ length: replications }, (_, i) => start + i));
      }
    }
  });

  it('starts with smaller chunks so the first results come quickly', () => {
    const scenario = smallScenario();
    const plan = chunkPlan({ scenario, seed: 's', replications: 100_000 });
    const sizes = plan.map(([, count]) => count);
    expect(sizes[0]).toBeLessThan(Math.max(...sizes) / 4);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2000);
  });

  it('ends with chunks that shrink, so workers finish close together', () => {
    const scenario = smallScenario();
    for (const replications of [10_000, 100_000]) {
      const sizes = chunkPlan({ scenario, seed: 's', replications }).map(([, count]) => count);
      const full = Math.max(...sizes);
      const tail = sizes.slice(sizes.lastIndexOf(full));
      expect(tail.length).toBeGreaterThan(3);
      for (let i = 1; i < tail.length; i++) expect(tail[i]).toBeLessThanOrEqual(tail[i - 1]!);
      expect(sizes.at(-1)).toBeLessThanOrEqual(Math.ceil(full / 4));
    }
  });

  it('makes chunks smaller for scenarios with more work per replication', () => {
    const small = smallScenario();
    const busy = structuredClone(small);
    busy.horizonMonths = small.horizonMonths * 4;
    expect(expectedWorkPerReplication(busy)).toBeGreaterThan(expectedWorkPerReplication(small));
    const size = (s: typeof small) =>
      Math.max(...chunkPlan({ scenario: s, seed: 's', replications: 100_000 }).map(([, c]) => c));
    expect(size(busy)).toBeLessThan(size(small));
  });

  it('uses a fixed chunk size when one is asked for', () => {
    const plan = chunkPlan({
      scenario: smallScenario(),
      seed: 's',
      replications: 25,
      chunkSize: 10,
    });
    expect(plan).toEqual([
      [0, 10],
      [10, 10],
      [20, 5],
    ]);
  });
});

describe('expectedWorkPerReplication', () => {
  it('refuses expected demand that is not a finite number, naming the stream', () => {
    const scenario = smallScenario();
    scenario.units[0]!.demand[0]!.casesPerMonth = Infinity;
    expect(() => expectedWorkPerReplication(scenario)).toThrow(
      /^units\[0]\.demand\[0]\.casesPerMonth: the expected demand is not a finite number/,
    );
    expect(() => chunkPlan({ scenario, seed: 's', replications: 10 })).toThrow(RangeError);
  });
});
