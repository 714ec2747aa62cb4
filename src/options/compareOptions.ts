import type { Evaluate } from '../decision/evaluate.ts';
import type { RunAggregate, Summary } from '../engine/aggregate/runAggregate.ts';
import { BREAKDOWN_METRICS, type TotalMetric } from '../engine/metrics.ts';
import { findBottleneck, type Bottleneck } from '../results/bottleneck.ts';
import type { Scenario, ScenarioOption } from '../scenario/schema.ts';
import { applyOption, baselineOf } from './applyOption.ts';
import { optionCost, type OptionCost } from './optionCost.ts';
import { describeOption } from './optionChanges.ts';
import {
  BETTER,
  hasSuspects,
  leadMetric,
  pairedTotals,
  pairTotal,
  type PairedTotal,
  type TotalValues,
} from './pairedTotals.ts';
import { optionSentence, PRODUCT_WORDS, SUSPECT_WORDS } from './sentence.ts';

/** A finished run: its scenario, its summary and each total's value in every replication. */
export interface ComparedRun {
  scenario: Scenario;
  summary: Summary;
  /** The run's totals replication by replication, and the histograms the results draw. */
  values: TotalValues & Pick<RunAggregate, 'latestHistogram'>;
}

/** One option against the baseline, on the same seed and replications. */
export interface OptionComparison {
  name: string;
  /** Its changes in the editor's words. */
  changes: string[];
  run: ComparedRun;
  /** Every total (and staff by role at the end), paired replication by replication. */
  totals: Record<string, PairedTotal>;
  /** The total the option is judged by (suspects not examined, or products not delivered). */
  lead: TotalMetric;
  /** Share of futures in which the option loses fewer of the lead total than the baseline. */
  probabilityBetter: number;
  sentence: string;
  cost: OptionCost;
  /** What limits capacity in the option's run. */
  bottleneck: Bottleneck;
  /**
   * Who gains: the paired differences of each unit's totals, for scenarios of more than one
   * unit whose runs keep them; null otherwise.
   */
  byUnit: UnitGain[] | null;
}

/** One unit's totals in an option against the baseline, paired replication by replication. */
export interface UnitGain {
  unit: string;
  name: string;
  totals: Record<string, PairedTotal>;
}

/**
 * Each unit's breakdown totals (`byUnit.<unit>.<metric>`) paired between the runs, for the
 * units both runs have; null for a scenario of one unit, or where a run keeps no breakdowns.
 */
export function unitGains(baseline: ComparedRun, option: ComparedRun): UnitGain[] | null {
  if (baseline.scenario.units.length < 2) return null;
  const gains: UnitGain[] = [];
  for (const unit of baseline.scenario.units) {
    if (!option.scenario.units.some((u) => u.id === unit.id)) continue;
    const totals: Record<string, PairedTotal> = {};
    for (const metric of BREAKDOWN_METRICS) {
      const name = `byUnit.${unit.id}.${metric}`;
      let a: Float64Array;
      let b: Float64Array;
      try {
        a = baseline.values.values(name);
        b = option.values.values(name);
      } catch {
        // Breakdowns are not kept for scenarios of many units (see MAX_BREAKDOWNS).
        return null;
      }
      totals[metric] = pairTotal(a, b, BETTER[metric]);
    }
    gains.push({ unit: unit.id, name: unit.name, totals });
  }
  return gains.length > 0 ? gains : null;
}

/** The comparison of one option's finished run with the baseline's. */
export function compareOption(
  scenario: Scenario,
  option: ScenarioOption,
  baseline: ComparedRun,
  run: ComparedRun,
): OptionComparison {
  const lead = leadMetric(baseline.scenario);
  const roleIds = baseline.scenario.roles
    .map((r) => r.id)
    .filter((id) => run.scenario.roles.some((r) => r.id === id));
  const totals = pairedTotals(baseline.values, run.values, roleIds);
  const money = hasSuspects(baseline.scenario);
  const bottleneck = findBottleneck(run.scenario, run.summary);
  const difference = totals[lead]!.difference;
  const sentence = optionSentence(
    option.name,
    difference,
    money ? SUSPECT_WORDS : PRODUCT_WORDS,
    baseline.scenario.horizonMonths,
    money ? totals.recovered!.difference : undefined,
  );
  // An option that changes nothing in 9 futures out of 10 says which constraint binds, so the
  // planner knows what would.
  const unchanged = difference.p05 === 0 && difference.p95 === 0 && bottleneck.kind !== 'none';
  return {
    name: option.name,
    changes: describeOption(scenario, option),
    run,
    totals,
    lead,
    probabilityBetter: totals[lead]!.probabilityBetter!,
    sentence: unchanged ? `${sentence} ${bottleneck.sentence}` : sentence,
    cost: optionCost(baseline, run, totals),
    bottleneck,
    byUnit: unitGains(baseline, run),
  };
}

/** The baseline and options, each run in full. */
export interface OptionsRun {
  seed: string;
  replications: number;
  baseline: ComparedRun;
  /** What limits capacity in the baseline's run. */
  baselineBottleneck: Bottleneck;
  options: OptionComparison[];
}

/**
 * Runs the baseline and each option on one seed and number of replications, so replication i
 * of every run faces the same demand (common random numbers), and compares each option with
 * the baseline. Runs one after another; `onRun` hears before each (0 is the baseline).
 */
export async function runOptions(
  scenario: Scenario,
  options: readonly ScenarioOption[],
  evaluate: Evaluate,
  settings: { seed: string; replications: number; signal?: AbortSignal },
  onRun?: (index: number, name: string) => void,
): Promise<OptionsRun> {
  const { seed, replications, signal } = settings;
  const prepared = options.map((option) => {
    const applied = applyOption(scenario, option);
    if (!applied.ok)
      throw new Error(applied.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    return { option, scenario: applied.value };
  });
  const base = baselineOf(scenario);
  onRun?.(0, 'Baseline');
  const baselineRun = await evaluate(base, seed, replications, signal);
  const baseline = { scenario: base, summary: baselineRun.summary(), values: baselineRun };
  const compared: OptionComparison[] = [];
  for (const [i, { option, scenario: changed }] of prepared.entries()) {
    onRun?.(i + 1, option.name);
    const result = await evaluate(changed, seed, replications, signal);
    compared.push(
      compareOption(scenario, option, baseline, {
        scenario: changed,
        summary: result.summary(),
        values: result,
      }),
    );
  }
  return {
    seed,
    replications,
    baseline,
    baselineBottleneck: findBottleneck(base, baseline.summary),
    options: compared,
  };
}
