import { scenarioWith } from '../engine/uncertainDraws.ts';
import { uncertainLabeller } from '../results/uncertaintyWords.ts';
import { fieldInfoAt } from '../scenario/fieldInfo.ts';
import type { Scenario } from '../scenario/schema.ts';
import { clampDraw, pathOf, type UncertainValue } from '../scenario/uncertain.ts';
import { distributionQuantile } from './distributionQuantile.ts';

/** The percentiles an uncertain assumption is moved to in the tornado, low and high. */
export const RANGE_LOW = 0.05;
export const RANGE_HIGH = 0.95;

/** An uncertain assumption's plausible range: values as a replication would take them. */
export interface AssumptionRange {
  /** Where it sits, as the file's messages name it: `units[0].demand[0].casesPerMonth.mean`. */
  path: string;
  /** In the planner's words: "Met, Drug supply: Cases per month (average)". */
  label: string;
  unit: string;
  /** Its 5th percentile, median and 95th percentile, each clamped and rounded as a draw is. */
  low: number;
  median: number;
  high: number;
}

/** The unit of the number at an uncertain value's keys: a distribution's parameter takes its field's. */
export function assumptionUnit(u: Pick<UncertainValue, 'keys'>): string {
  const own = fieldInfoAt(u.keys);
  if (own) return own.unit ?? '';
  return fieldInfoAt(u.keys.slice(0, -1))?.unit ?? '';
}

/** Each uncertain assumption of the scenario with its 5th percentile, median and 95th percentile. */
export function assumptionRanges(scenario: Scenario): AssumptionRange[] {
  const label = uncertainLabeller(scenario);
  return (scenario.uncertain ?? []).map((u) => ({
    path: u.path,
    label: label(u.path),
    unit: assumptionUnit(u),
    low: clampDraw(u, distributionQuantile(u.dist, RANGE_LOW)),
    median: clampDraw(u, distributionQuantile(u.dist, 0.5)),
    high: clampDraw(u, distributionQuantile(u.dist, RANGE_HIGH)),
  }));
}

/**
 * The scenario with its uncertain assumptions set to `values` (in the order of
 * `scenario.uncertain`) as plain numbers, made consistent as a replication's draws are: what
 * the file would be had it given these values.
 */
export function scenarioAt(scenario: Scenario, values: readonly number[]): Scenario {
  return scenarioWith(scenario, scenario.uncertain ?? [], Float64Array.from(values));
}

/** The scenario with every uncertain assumption at its median, as plain numbers. */
export function scenarioAtMedians(scenario: Scenario): Scenario {
  if (!scenario.uncertain?.length) return scenario;
  return scenarioAt(
    scenario,
    assumptionRanges(scenario).map((r) => r.median),
  );
}

/** An input the tornado's ±20% setting moves, at one place, which the file gives no range. */
export interface NoRange {
  path: string;
  label: string;
}

/**
 * The inputs the ±20% setting moves (leavers, abstraction and time to hire of each staff group
 * that recruits; cases a month, hours per item and, for suspects, the share holding assets and
 * asset value of each stream), at each place where the file gives neither the input nor any
 * parameter of its distribution a range. In scenario order.
 */
export function inputsWithoutRange(scenario: Scenario): NoRange[] {
  // A field has a range when it, or a parameter of its distribution (one key further), has one.
  const ranged = new Set(
    (scenario.uncertain ?? []).flatMap((u) => [u.path, pathOf(u.keys.slice(0, -1))]),
  );
  const label = uncertainLabeller(scenario);
  const out: NoRange[] = [];
  const add = (keys: (string | number)[]) => {
    const path = pathOf(keys);
    if (!ranged.has(path)) out.push({ path, label: label(path) });
  };
  scenario.units.forEach((unit, i) => {
    unit.staff.forEach((g, j) => {
      add(['units', i, 'staff', j, 'attritionPerYear']);
      add(['units', i, 'staff', j, 'abstraction']);
      if (g.recruitment.mode !== 'none')
        add(['units', i, 'staff', j, 'recruitment', 'monthsToHire']);
    });
    unit.demand.forEach((s, k) => {
      add(['units', i, 'demand', k, 'casesPerMonth']);
      add(['units', i, 'demand', k, 'hoursPerItem']);
      if (s.kind === 'suspects') {
        add(['units', i, 'demand', k, 'assetProbability']);
        add(['units', i, 'demand', k, 'assetValue']);
      }
    });
  });
  return out;
}
