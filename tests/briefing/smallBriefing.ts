import type { BriefingInput } from '../../src/briefing/content.ts';
import { compareRuns } from '../../src/results/compare.ts';
import { resultCharts } from '../../src/results/charts.ts';
import { headlines } from '../../src/results/headlines.ts';
import { diffScenarios } from '../../src/files/diff.ts';
import { inThreadEvaluate } from '../../src/decision/evaluate.ts';
import { runOptions } from '../../src/options/compareOptions.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { smallRun, smallScenario } from '../results/smallRun.ts';

/** A 2 December 2026 noon stamp, so dates in the pack do not depend on when the test runs. */
export const PACK_DATE = new Date(Date.UTC(2026, 11, 2, 12));

/**
 * The small MPS scenario run as the baseline and again with its vacancies filled, on the same
 * seed, as the results page would hand them to the pack.
 */
export function smallBriefingInput(withComparison = true): BriefingInput {
  const baseline = smallRun(40);
  const filled = smallScenario((file) => {
    file.name = 'MPS with the vacancies filled';
    file.units[0]!.staff[0]!.inPost = file.units[0]!.staff[0]!.establishment;
  });
  const current = smallRun(40, filled);
  const lines = headlines(current.summary, current.scenario);
  return {
    scenario: current.scenario,
    summary: current.summary,
    seed: 'test',
    version: '9.9.9',
    date: PACK_DATE,
    headlines: lines,
    charts: resultCharts(current.summary, current.aggregate, current.scenario),
    comparisons: withComparison
      ? [
          {
            name: 'Current run against the baseline',
            baselineName: baseline.scenario.name,
            currentName: current.scenario.name,
            baselineSeed: 'test',
            paired: true,
            rows: compareRuns(baseline.aggregate, current.aggregate, lines, true),
            changes: diffScenarios(baseline.scenario, current.scenario),
            sentences: [],
          },
        ]
      : [],
  };
}

/**
 * The small MPS scenario with two options, worked out from its figures: its vacancies filled,
 * and ten more training seats a year.
 */
export function smallScenarioWithOptions(): Scenario {
  return smallScenario((file) => {
    (file as { options?: unknown }).options = [
      {
        name: 'Fill the vacancies',
        changes: [
          { field: 'units[0].staff[0].inPost', value: file.units[0]!.staff[0]!.establishment },
        ],
      },
      {
        name: 'Ten more training seats a year',
        changes: [
          {
            field: 'roles[0].trainingSeatsPerYear',
            value: (file.roles[0]!.trainingSeatsPerYear ?? 0) + 10,
          },
        ],
      },
    ];
  });
}

/**
 * The small MPS scenario with two options run beside its baseline on one seed, and the pack's
 * input as the app gives it: the run shown is the baseline's.
 */
export async function smallOptionsBriefingInput(
  scenario: Scenario = smallScenarioWithOptions(),
  replications = 40,
): Promise<BriefingInput> {
  const options = await runOptions(scenario, scenario.options ?? [], inThreadEvaluate(), {
    seed: 'test',
    replications,
  });
  const { summary } = options.baseline;
  const aggregate = options.baseline.values;
  const shown = options.baseline.scenario;
  return {
    scenario: shown,
    summary,
    seed: 'test',
    version: '9.9.9',
    date: PACK_DATE,
    headlines: headlines(summary, shown),
    charts: resultCharts(summary, aggregate, shown),
    comparisons: [],
    options,
  };
}
