import type { BriefingComparison, BriefingInput } from '../briefing/content.ts';
import { diffScenarios } from '../files/diff.ts';
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

/** What the briefing pack is made from, read off the app; undefined before any results. */
export function briefingInput(
  app: Pick<
    AppModel,
    'baseline' | 'runs' | 'comparisons' | 'sameSeedAsBaseline' | 'headlines' | 'charts'
  >,
  version: string,
  date: Date,
): BriefingInput | undefined {
  const { shown, summary } = app.runs;
  if (!shown || !summary) return undefined;
  return {
    scenario: shown.scenario,
    summary,
    seed: shown.seed,
    version,
    date,
    headlines: app.headlines,
    charts: app.charts,
    comparisons: baselineComparison(app),
  };
}
