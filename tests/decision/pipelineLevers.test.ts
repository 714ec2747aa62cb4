import { describe, expect, it } from 'vitest';
import { inThreadEvaluate } from '../../src/decision/evaluate.ts';
import { pipelineLevers } from '../../src/decision/pipelineLevers.ts';
import { baselineOf } from '../../src/options/applyOption.ts';
import { smallWithOptions } from '../options/fixture.ts';
import { tinyScenario } from './tinyScenario.ts';

describe('pipeline levers', () => {
  it('runs only the levers that change the scenario and shows their effect against the baseline', async () => {
    const out = await pipelineLevers(
      tinyScenario({ abstraction: 0.5, attritionPerYear: 0.2 }),
      { seed: 'p', replications: 20 },
      inThreadEvaluate(),
    );
    const byId = Object.fromEntries(out.map((o) => [o.id, o]));
    // No recruitment, no seat limit and one unit: those levers do nothing and are not run.
    expect(byId.moreHiresPerMonth!.applies).toBe(false);
    expect(byId.moreTrainingSeats!.applies).toBe(false);
    expect(byId.pooling!.applies).toBe(false);
    expect(byId.lessAbstraction!.applies).toBe(true);
    expect(byId.lessAbstraction!.change.unexaminedSuspects.mean).toBeLessThan(0);
    expect(byId.retention!.change.suspectsExamined.mean).toBeGreaterThanOrEqual(0);
  });
});

describe('a pipeline lever that changes nothing', () => {
  it('says which constraint binds instead, and only for such levers', async () => {
    // One training seat a year, taken every year: hiring more or sooner only lengthens the queue.
    const scenario = baselineOf(smallWithOptions());
    scenario.roles[0]!.trainingSeatsPerYear = 1;
    scenario.units[0]!.staff[0]!.attritionPerYear = 0.4;
    const out = await pipelineLevers(scenario, { seed: 'p', replications: 40 }, inThreadEvaluate());
    const byId = Object.fromEntries(out.map((o) => [o.id, o]));
    const hires = byId.moreHiresPerMonth!;
    expect(hires.applies).toBe(true);
    expect([hires.change.unexaminedSuspects.p05, hires.change.unexaminedSuspects.p95]).toEqual([
      0, 0,
    ]);
    expect(hires.limit).toMatch(/^Training seats are the limit: the one seat a year is used/);
    for (const o of out) {
      const d = o.change.unexaminedSuspects;
      if (!o.applies || d.p05 !== 0 || d.p95 !== 0) expect(o.limit).toBeNull();
    }
  });
});
