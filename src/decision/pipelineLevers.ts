import type { Stat } from '../engine/aggregate/statistic.ts';
import type { TotalMetric } from '../engine/metrics.ts';
import { RECRUITMENT, requireFieldInfo, STAFF_GROUP } from '../scenario/fieldInfo.ts';
import { leadMetric } from '../options/pairedTotals.ts';
import { findBottleneck } from '../results/bottleneck.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Evaluate } from './evaluate.ts';
import { pairedDifference } from './pairedDifference.ts';

export const PIPELINE_LEVERS = [
  'moreHiresPerMonth',
  'quickerHiring',
  'retention',
  'moreTrainingSeats',
  'lessAbstraction',
  'pooling',
] as const;
export type PipelineLeverId = (typeof PIPELINE_LEVERS)[number];

/** How big each lever is; the defaults are a plausible first step a force could take. */
export interface PipelineSettings {
  /** Recruitments a month added in every staff group. Default 2. */
  extraHiresPerMonth: number;
  /** Months taken off the time to hire. Default 3. */
  monthsToHireSaved: number;
  /** Share of leavers retained, e.g. by retention pay: attrition × (1 − this). Default 0.25. */
  attritionCut: number;
  /** Training seats a year added for every role that has a limit. Default 10. */
  extraTrainingSeatsPerYear: number;
  /** Share of abstraction removed, e.g. by FIOs taking abstracted work. Default 0.5. */
  abstractionCut: number;
}

export const DEFAULT_PIPELINE_SETTINGS: PipelineSettings = {
  extraHiresPerMonth: 2,
  monthsToHireSaved: 3,
  attritionCut: 0.25,
  extraTrainingSeatsPerYear: 10,
  abstractionCut: 0.5,
};

/** The schema's name for a staff group's field, in a sentence: "leavers". */
const fieldWords = (key: string) => requireFieldInfo([...STAFF_GROUP, key]).title.toLowerCase();
/** The greatest value the schema accepts for a field. */
const greatest = (keys: readonly (string | number)[]) =>
  requireFieldInfo(keys).max ?? Number.POSITIVE_INFINITY;

export function describePipelineLever(id: PipelineLeverId, s: PipelineSettings): string {
  switch (id) {
    case 'moreHiresPerMonth':
      return `Fill vacancies faster: ${s.extraHiresPerMonth} more recruitments a month`;
    case 'quickerHiring':
      return `Fill vacancies faster: hiring ${s.monthsToHireSaved} months quicker`;
    case 'retention':
      return `Retention pay: ${Math.round(s.attritionCut * 100)}% fewer ${fieldWords('attritionPerYear')}`;
    case 'moreTrainingSeats':
      return `${s.extraTrainingSeatsPerYear} more training seats a year`;
    case 'lessAbstraction':
      return `Abstracted work taken by others: ${Math.round(s.abstractionCut * 100)}% less ${fieldWords('abstraction')}`;
    case 'pooling':
      return 'All units pool their staff and queues';
  }
}

/** A copy of the scenario with one pipeline lever pulled. */
export function applyPipelineLever(
  scenario: Scenario,
  id: PipelineLeverId,
  s: PipelineSettings,
): Scenario {
  const next = structuredClone(scenario);
  if (id === 'moreTrainingSeats') {
    for (const role of next.roles) {
      if (role.trainingSeatsPerYear !== undefined) {
        role.trainingSeatsPerYear = Math.min(
          greatest(['roles', 0, 'trainingSeatsPerYear']),
          role.trainingSeatsPerYear + s.extraTrainingSeatsPerYear,
        );
      }
    }
  }
  for (const unit of next.units) {
    if (id === 'pooling') unit.pool = 'all';
    for (const g of unit.staff) {
      const r = g.recruitment;
      if (id === 'moreHiresPerMonth')
        r.maxHiresPerMonth = Math.min(
          greatest([...RECRUITMENT, 'maxHiresPerMonth']),
          r.maxHiresPerMonth + s.extraHiresPerMonth,
        );
      if (id === 'quickerHiring')
        r.monthsToHire = Math.max(0, r.monthsToHire - s.monthsToHireSaved);
      if (id === 'retention') g.attritionPerYear *= 1 - s.attritionCut;
      if (id === 'lessAbstraction') g.abstraction *= 1 - s.abstractionCut;
    }
  }
  return next;
}

export const PIPELINE_METRICS = [
  'unexaminedSuspects',
  'suspectsExamined',
  'missedRecovery',
  'forceIncome',
] as const satisfies readonly TotalMetric[];
export type PipelineMetric = (typeof PIPELINE_METRICS)[number];

export interface PipelineOutcome {
  id: PipelineLeverId;
  label: string;
  /** False when the lever changes nothing in this scenario (e.g. no recruitment, one unit); not run. */
  applies: boolean;
  /** Change from baseline over the horizon, replication by replication on the same seed. */
  change: Record<PipelineMetric, Pick<Stat, 'mean' | 'se' | 'p05' | 'p95'>>;
  /**
   * For a lever run that changes nothing in 9 futures out of 10 (suspects not examined, or
   * products not delivered), what limits capacity with it: the constraint that binds instead.
   */
  limit: string | null;
}

/** Changes the model can ignore: hiring with no recruitment, pooling a single pool. */
function canMatter(scenario: Scenario, id: PipelineLeverId): boolean {
  if (id === 'pooling') return new Set(scenario.units.map((u) => u.pool ?? u.id)).size > 1;
  if (id === 'moreHiresPerMonth' || id === 'quickerHiring') {
    return scenario.units.some((u) => u.staff.some((g) => g.recruitment.mode === 'fill-vacancies'));
  }
  return true;
}

const ZERO = { mean: 0, se: 0, p05: 0, p95: 0 };

/** Each pipeline lever against the baseline, all on the same seed. */
export async function pipelineLevers(
  scenario: Scenario,
  options: { seed: string; replications: number; settings?: Partial<PipelineSettings> },
  evaluate: Evaluate,
): Promise<PipelineOutcome[]> {
  const settings = { ...DEFAULT_PIPELINE_SETTINGS, ...options.settings };
  const base = await evaluate(scenario, options.seed, options.replications);
  const baseText = JSON.stringify(scenario);
  const out: PipelineOutcome[] = [];
  for (const id of PIPELINE_LEVERS) {
    const changed = applyPipelineLever(scenario, id, settings);
    const applies = JSON.stringify(changed) !== baseText && canMatter(scenario, id);
    const run = applies ? await evaluate(changed, options.seed, options.replications) : null;
    const change = Object.fromEntries(
      PIPELINE_METRICS.map((m) => {
        if (!run) return [m, ZERO];
        const s = pairedDifference(run.values(m), base.values(m));
        return [m, { mean: s.mean, se: s.se, p05: s.p05, p95: s.p95 }];
      }),
    ) as PipelineOutcome['change'];
    let limit: string | null = null;
    if (run) {
      const lead = leadMetric(scenario);
      const d = pairedDifference(run.values(lead), base.values(lead));
      if (d.p05 === 0 && d.p95 === 0) limit = findBottleneck(changed, run.summary()).sentence;
    }
    out.push({ id, label: describePipelineLever(id, settings), applies, change, limit });
  }
  return out;
}
