import { describe, expect, it } from 'vitest';
import { inThreadEvaluate } from '../../src/decision/evaluate.ts';
import { pipelineLevers } from '../../src/decision/pipelineLevers.ts';
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
