import { afterAll, describe, expect, it } from 'vitest';
import { evaluateWith, inThreadEvaluate } from '../../src/decision/evaluate.ts';
import { goalSeek, type GoalSeekOptions } from '../../src/decision/goalSeek.ts';
import { parseLever } from '../../src/decision/levers.ts';
import { tornado, type TornadoOptions } from '../../src/decision/tornado.ts';
import { createNodeRunner } from '../../src/runner/node/nodeRunner.ts';
import { tinyScenario } from './tinyScenario.ts';

// Poisson arrivals and lognormal hours against two investigators: every input moves the result
// by chance as well as by its setting, so a sequential answer has real error to stay within.
const scenario = tinyScenario({
  casesPerMonth: { dist: 'poisson', mean: 10 },
  hoursPerItem: { dist: 'lognormal', median: 24, p90: 34 },
  inPost: 2,
  attritionPerYear: 0.1,
  abstraction: 0.2,
});
// At most 1,600 a bar, the default: leavers' small swing (about 1.4 suspects against cases' 44)
// settles only past 800.
const tornadoOptions: TornadoOptions = {
  metric: 'unexaminedSuspects',
  seed: 'agree',
  replications: 1600,
};
const goalOptions: GoalSeekOptions = {
  lever: parseLever('inPost:u:fi', scenario),
  metric: 'unexaminedSuspects',
  below: 12,
  confidence: 0.9,
  seed: 'agree',
  replications: 800,
  min: 1,
  max: 8,
};
const one = createNodeRunner({ size: 1 });
const two = createNodeRunner({ size: 2 });
afterAll(() => {
  one.dispose();
  two.dispose();
});

describe('sequential decision tools', () => {
  it(
    'tornado: every swing within its stated error of a long fixed-count run, in fewer replications',
    { timeout: 120_000 },
    async () => {
      const quick = await tornado(scenario, tornadoOptions, inThreadEvaluate());
      const long = await tornado(
        scenario,
        { ...tornadoOptions, replications: 4000, sequential: false },
        inThreadEvaluate(),
      );
      const longById = new Map(long.rows.map((r) => [r.id, r]));
      for (const row of quick.rows) {
        const reference = longById.get(row.id)!;
        expect(row.settled).toBe(true);
        // Both errors are stated at 95%; the long run's is the smaller by far.
        expect(Math.abs(row.swing - reference.swing)).toBeLessThanOrEqual(
          row.halfWidth + reference.halfWidth,
        );
      }
      // The bars that differ by more than their errors come in the same order.
      const top = quick.rows.slice(0, 2).map((r) => r.id);
      expect(top).toEqual(long.rows.slice(0, 2).map((r) => r.id));
      expect(quick.totalReplications).toBeLessThan(long.totalReplications / 2);
    },
  );

  it(
    'goal seek: the long fixed-count answer lies in the range the sequential one states',
    { timeout: 120_000 },
    async () => {
      const quick = await goalSeek(scenario, goalOptions, inThreadEvaluate());
      const long = await goalSeek(
        scenario,
        { ...goalOptions, replications: 4000, sequential: false },
        inThreadEvaluate(),
      );
      expect(long.answer).not.toBeNull();
      const [low, high] = quick.answerRange!;
      expect(long.answer!).toBeGreaterThanOrEqual(low);
      expect(long.answer!).toBeLessThanOrEqual(high);
      expect(quick.answer!).toBeGreaterThanOrEqual(low);
      expect(quick.answer!).toBeLessThanOrEqual(high);
      expect(quick.totalReplications).toBeLessThan(long.totalReplications);
    },
  );

  it(
    'gives the same tornado and goal seek on one worker and on two',
    { timeout: 120_000 },
    async () => {
      const options = { ...tornadoOptions, replications: 400 };
      expect(await tornado(scenario, options, evaluateWith(two))).toEqual(
        await tornado(scenario, options, evaluateWith(one)),
      );
      const goal = { ...goalOptions, replications: 400 };
      expect(await goalSeek(scenario, goal, evaluateWith(two))).toEqual(
        await goalSeek(scenario, goal, evaluateWith(one)),
      );
    },
  );
});
