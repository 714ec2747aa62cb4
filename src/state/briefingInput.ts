import type { BriefingComparison, BriefingInput } from '../briefing/content.ts';
import { diffScenarios } from '../files/diff.ts';
import type { OptionsRun } from '../options/compareOptions.ts';
import { resultCharts } from '../results/charts.ts';
import { headlines } from '../results/headlines.ts';
import type { AppModel } from './appModel.svelte.ts';

/** The current run against the kept baseline, as the pack reports it; none without both. */
export function baselineComparison(
  app: Pick<AppModel, 'baseline' | 'runs' | 'comparisons' | 'sameSeedAsBaseline'>,
): BriefingComparison[] {
  const kept = app.baseline.kept;
  const shown = app.runs.shown;
  if (!kept || !shown || kept.run === shown || app.comparisons.length === 0) return [];
  return [
    {
      name: 'Current run against the baseline',
      baselineName: kept.run.scenario.name,
      currentName: shown.scenario.name,
      baselineSeed: kept.run.seed,
      paired: app.sameSeedAsBaseline,
      rows: app.comparisons,
      changes: diffScenarios(kept.run.scenario, shown.scenario),
      sentences: [],
    },
  ];
}

/**
 * The options as the pack and the presentation show them: run, of at least one option, and
 * run from the scenario as it now stands (options out of date are left out, not shown as now).
 */
export function currentOptions(app: Pick<AppModel, 'options'>): OptionsRun | undefined {
  const { result, outOfDate } = app.options;
  return result && !outOfDate && result.options.length > 0 ? result : undefined;
}

type BriefingApp = Pick<
  AppModel,
  'baseline' | 'runs' | 'comparisons' | 'sameSeedAsBaseline' | 'headlines' | 'charts' | 'options'
>;

/**
 * What the briefing pack is made from, read off the app: the run on the Results tab, or else
 * the baseline run beside the options; with the options when they are up to date. Undefined
 * before there is either.
 */
export function briefingInput(
  app: BriefingApp,
  version: string,
  date: Date,
): BriefingInput | undefined {
  const { shown, summary } = app.runs;
  const options = currentOptions(app);
  if (shown && summary) {
    return {
      scenario: shown.scenario,
      summary,
      seed: shown.seed,
      version,
      date,
      headlines: app.headlines,
      charts: app.charts,
      comparisons: baselineComparison(app),
      ...(options ? { options } : {}),
    };
  }
  if (!options) return undefined;
  const base = options.baseline;
  return {
    scenario: base.scenario,
    summary: base.summary,
    seed: options.seed,
    version,
    date,
    headlines: headlines(base.summary, base.scenario),
    charts: resultCharts(base.summary, base.values, base.scenario),
    comparisons: [],
    options,
  };
}
