import { afterAll, describe, expect, it } from 'vitest';
import { runnerRange, runUntilPrecise } from '../../src/decision/precision.ts';
import { createNodeRunner } from '../../src/runner/node/nodeRunner.ts';
import { tinyScenario } from './tinyScenario.ts';

const scenario = tinyScenario({ casesPerMonth: { dist: 'poisson', mean: 10 }, inPost: 2 });
const options = {
  metric: 'unexaminedSuspects' as const,
  statistic: 'p50' as const,
  relativeTolerance: 0.03,
  seed: 'precision-pool',
  batchSize: 60,
  maxReplications: 3000,
};
const one = createNodeRunner({ size: 1 });
const three = createNodeRunner({ size: 3 });
afterAll(() => {
  one.dispose();
  three.dispose();
});

describe('precision on worker pools', () => {
  it('stops at the same replication count with the same estimate on 1 and 3 workers', async () => {
    const a = await runUntilPrecise(scenario, options, runnerRange(one));
    const b = await runUntilPrecise(scenario, { ...options }, runnerRange(three));
    expect(a.precise).toBe(true);
    expect(a.replications).toBeGreaterThan(options.batchSize);
    expect(b.replications).toBe(a.replications);
    expect(b.checks).toEqual(a.checks);
    expect(b.aggregate.summary()).toEqual(a.aggregate.summary());
  });
});
