import { RunAggregate } from '../../src/engine/aggregate/runAggregate.ts';
import { runChunk } from '../../src/engine/chunk.ts';
import { compileModel } from '../../src/engine/model.ts';
import { Workspace } from '../../src/engine/replicate.ts';
import { planChunks } from '../../src/engine/run.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import { timeIt } from './timing.ts';

/**
 * A four-year scenario with little demand: replications are cheap to simulate, and the summary
 * has the full size (every series, every month, two roles), which is what the timing is about.
 */
function smallScenario() {
  const result = validateScenario({
    format: 'shortfall-scenario',
    schemaVersion: 1,
    name: 'Summary benchmark',
    horizonMonths: 48,
    roles: [
      { id: 'fi', name: 'Financial investigator', trainingSeatsPerYear: 6, trainingMonths: 9 },
      { id: 'an', name: 'Analyst', trainingMonths: 6 },
    ],
    units: [
      {
        id: 'u',
        name: 'Unit',
        staff: [
          { role: 'fi', establishment: 6, inPost: 5, attritionPerYear: 0.1 },
          { role: 'an', establishment: 2, inPost: 2, attritionPerYear: 0.1 },
        ],
        demand: [
          {
            id: 'drugs',
            name: 'Drug supply',
            kind: 'suspects',
            role: 'fi',
            casesPerMonth: { dist: 'poisson', mean: 8 },
            hoursPerItem: { dist: 'lognormal', median: 20, p90: 60 },
            assetProbability: 0.4,
            assetValue: { dist: 'lognormal', median: 8000, p90: 80000 },
            windowMonths: 2,
          },
          {
            id: 'profiles',
            name: 'Profiles',
            kind: 'products',
            role: 'an',
            casesPerMonth: { dist: 'poisson', mean: 3 },
            hoursPerItem: { dist: 'pert', min: 20, mode: 40, max: 90 },
            windowMonths: 1,
          },
        ],
      },
    ],
    policy: { triage: 'value', triageAccuracy: 0.6 },
  });
  if (!result.ok) throw new Error('The summary benchmark scenario is invalid.');
  return result.value;
}

/** What the results page shows first: headline totals and three fan charts. */
const FIRST_VIEW = {
  totals: ['unexaminedSuspects', 'missedRecovery', 'missedForceIncome'],
  monthly: ['unexaminedSuspects', 'backlogSuspects', 'missedRecovery'],
};

/**
 * Milliseconds for a full summary() and for summaryOf() of what the results page shows first
 * (three headline totals and three monthly fan charts), at 20,000 and 100,000 replications.
 * The first call after the last chunk is what a page pays; repeated calls show the cache.
 */
export function measureSummary() {
  const model = compileModel(smallScenario());
  const ws = new Workspace(model);
  const out = [];
  const run = new RunAggregate(model.layout, 100_000);
  let done = 0;
  for (const replications of [20_000, 100_000]) {
    for (const [start, count] of planChunks(replications - done)) {
      run.add(runChunk(model, 'bench', done + start, count, ws));
    }
    done = replications;
    let start = performance.now();
    run.summary();
    const firstSummaryMs = performance.now() - start;
    const cachedSummaryMs = timeIt(() => run.summary());
    // The same cells after one more chunk, as a page redraws during a run: nothing cached.
    run.add(runChunk(model, 'bench', replications, 1, ws));
    start = performance.now();
    run.summaryOf(FIRST_VIEW);
    const summaryOfMs = performance.now() - start;
    run.add(runChunk(model, 'bench', replications + 1, 1, ws));
    start = performance.now();
    run.summary();
    const summaryAfterChunkMs = performance.now() - start;
    done += 2;
    out.push({ replications, firstSummaryMs, cachedSummaryMs, summaryOfMs, summaryAfterChunkMs });
  }
  return out;
}
